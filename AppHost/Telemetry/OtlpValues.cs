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

    /// <summary>The resource's <c>service.name</c>.</summary>
    public static string Service(Otlp.Resource.Resource? resource) => ResourceAttribute(resource, "service.name") ?? "unknown";

    /// <summary>The resource's <c>service.instance.id</c>: which process of a service (a replica, a restart) sent it.</summary>
    public static string Instance(Otlp.Resource.Resource? resource) => ResourceAttribute(resource, "service.instance.id") ?? string.Empty;

    private static string? ResourceAttribute(Otlp.Resource.Resource? resource, string key) =>
        resource?.Attributes.FirstOrDefault(a => a.Key == key) is { } attribute ? Text(attribute.Value) : null;
}
