using System.Text.Json;

namespace Sourcing.Attribution.Fuzz;

/// <summary>What must hold for any input: no exception, spans inside the text, valid JSON.</summary>
internal static class Invariants
{
    public static void Check(string text)
    {
        var found = AttributionEngine.Default.Analyze(text);
        foreach (var a in found)
        {
            Inside(text, a.Cue);
            Inside(text, a.Source);
            Inside(text, a.Content);
            if (a.AnonymityReason is { } reason)
            {
                Inside(text, reason);
            }
        }
        var line = AnnotationJsonl.ToLine("fuzz", text, found);
        using var json = JsonDocument.Parse(line);
        if (json.RootElement.GetProperty("text").GetString()!.Length != text.Length)
        {
            throw new InvalidOperationException("The JSONL text changed length.");
        }
    }

    private static void Inside(string text, TextSpan span)
    {
        if (span.Start < 0 || span.End < span.Start || span.End > text.Length)
        {
            throw new InvalidOperationException($"Span {span} is outside a text of {text.Length} characters.");
        }
        if (span.Of(text) != text.Substring(span.Start, span.Length))
        {
            throw new InvalidOperationException($"Span {span} does not give its own text.");
        }
    }
}
