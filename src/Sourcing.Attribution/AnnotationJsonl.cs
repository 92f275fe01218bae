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

    /// <summary>
    /// One JSONL line for an article. Never throws for any id or text: lone surrogates (which
    /// JSON cannot carry) are written as U+FFFD, one code unit for one, so offsets stay valid;
    /// spans that fall outside the text are clamped to it.
    /// </summary>
    public static string ToLine(string id, string text, IEnumerable<DetectedAttribution> attributions)
    {
        ArgumentNullException.ThrowIfNull(attributions);
        id = Sanitize(id ?? "");
        text = Sanitize(text ?? "");
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
        json.WriteString("speaker", Sanitize(a.Speaker ?? ""));
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
        var start = Math.Clamp(span.Start, 0, text.Length);
        var end = Math.Clamp(span.End, start, text.Length);
        json.WriteStartObject(name);
        json.WriteNumber("start", start);
        json.WriteNumber("end", end);
        json.WriteString("text", Sanitize(text.Substring(start, end - start)));
        json.WriteEndObject();
    }

    /// <summary>The string with every lone surrogate replaced by U+FFFD (same length).</summary>
    public static string Sanitize(string value)
    {
        var bad = FirstLoneSurrogate(value);
        if (bad < 0)
        {
            return value;
        }
        return string.Create(value.Length, (value, bad), static (dest, state) =>
        {
            var (src, from) = state;
            src.AsSpan().CopyTo(dest);
            for (var i = from; i < dest.Length; i++)
            {
                if (char.IsHighSurrogate(dest[i]) && i + 1 < dest.Length && char.IsLowSurrogate(dest[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(dest[i]))
                {
                    dest[i] = '\uFFFD';
                }
            }
        });
    }

    private static int FirstLoneSurrogate(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i]))
            {
                continue;
            }
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
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
