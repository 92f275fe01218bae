using Google.Protobuf;
using Google.Protobuf.Collections;
using Sourcing.AppHost.Otlp.Common;

namespace Sourcing.AppHost.Telemetry;

/// <summary>Turns OTLP's wire values into what the store keeps: strings, hex ids and UTC times.</summary>
public static class OtlpValues
{
    public static string Hex(ByteString id) => id.IsEmpty ? string.Empty : Convert.ToHexStringLower(id.Span);

    public static DateTime Time(ulong unixNanos) => DateTime.UnixEpoch.AddTicks((long)(unixNanos / 100));

    public static string Text(AnyValue? value) => value?.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.BoolValue => value.BoolValue ? "true" : "false",
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.DoubleValue => value.DoubleValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => "[" + string.Join(", ", value.ArrayValue.Values.Select(Text)) + "]",
        AnyValue.ValueOneofCase.KvlistValue => "{" + string.Join(", ", value.KvlistValue.Values.Select(kv => kv.Key + "=" + Text(kv.Value))) + "}",
        AnyValue.ValueOneofCase.BytesValue => Convert.ToBase64String(value.BytesValue.Span),
        _ => string.Empty,
    };

    public static Dictionary<string, string> Attributes(RepeatedField<KeyValue> attributes)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in attributes)
        {
            result[attribute.Key] = Text(attribute.Value);
        }

        return result;
    }

    /// <summary>The resource's <c>service.name</c> (with its replica's instance id when there are several).</summary>
    public static string Service(Otlp.Resource.Resource? resource) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == "service.name") is { } name ? Text(name.Value) : "unknown";
}
