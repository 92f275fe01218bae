using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sourcing.Attribution;

/// <summary>
/// Writes analysis results in the annotation guide's JSONL format: one article a line,
/// <c>{"id","text","attributions":[...]}</c>, spans as UTF-16 offsets with their text.
/// </summary>
public static class AnnotationJsonl
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string ToLine(string id, string text, IEnumerable<DetectedAttribution> attributions)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("id", id);
            json.WriteString("text", text);
            json.WriteStartArray("attributions");
            foreach (var a in attributions)
            {
                WriteAttribution(json, text, a);
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteAttribution(Utf8JsonWriter json, string text, DetectedAttribution a)
    {
        json.WriteStartObject();
        WriteSpan(json, "cue", text, a.Cue);
        WriteSpan(json, "source", text, a.Source);
        WriteSpan(json, "content", text, a.Content);
        json.WriteString("quote", Label(a.Quote));
        json.WriteString("speaker", a.Speaker);
        json.WriteString("sourcing", Label(a.Sourcing));
        json.WriteString("entity", Label(a.Entity));
        if (a.AnonymityReason is { } reason)
        {
            WriteSpan(json, "anonymity_reason", text, reason);
        }
        else
        {
            json.WriteNull("anonymity_reason");
        }
        json.WriteEndObject();
    }

    private static void WriteSpan(Utf8JsonWriter json, string name, string text, TextSpan span)
    {
        json.WriteStartObject(name);
        json.WriteNumber("start", span.Start);
        json.WriteNumber("end", span.End);
        json.WriteString("text", span.Of(text));
        json.WriteEndObject();
    }

    public static string Label(QuoteKind quote) => quote switch
    {
        QuoteKind.Direct => "direct",
        QuoteKind.Indirect => "indirect",
        _ => "mixed",
    };

    public static string Label(SourcingKind sourcing) => sourcing == SourcingKind.Named ? "named" : "anonymous";

    public static string Label(EntityKind entity) => entity switch
    {
        EntityKind.Person => "person",
        EntityKind.Group => "group",
        EntityKind.Organization => "organization",
        _ => "document",
    };
}
