using System.Text.RegularExpressions;

namespace Sourcing.Attribution;

/// <summary>
/// Finds attributions in news text. Deterministic and thread-safe: one instance serves
/// concurrent calls.
/// </summary>
public sealed partial class AttributionEngine
{
    public const string Version = "0.1.0";

    public static AttributionEngine Default { get; } = new();

    public IReadOnlyList<DetectedAttribution> Analyze(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<DetectedAttribution>();
        foreach (Match m in QuoteThenSaid().Matches(text))
        {
            found.Add(Build(m, text, QuoteKind.Direct));
        }
        foreach (Match m in AccordingTo().Matches(text))
        {
            found.Add(Build(m, text, QuoteKind.Indirect));
        }
        found.Sort((a, b) => a.Cue.Start.CompareTo(b.Cue.Start));
        return found;
    }

    private static DetectedAttribution Build(Match m, string text, QuoteKind quote)
    {
        var content = m.Groups["content"];
        var source = m.Groups["source"];
        var cue = m.Groups["cue"];
        var speaker = source.Value;
        return new DetectedAttribution(
            new TextSpan(cue.Index, cue.Index + cue.Length),
            new TextSpan(source.Index, source.Index + source.Length),
            new TextSpan(content.Index, content.Index + content.Length),
            quote,
            speaker,
            SourcingKind.Named,
            EntityKind.Person,
            null);
    }

    [GeneratedRegex("[\"“](?<content>[^\"”]{3,}?)[,.]?[\"”],? (?<source>[A-Z][\\w.]*(?: [A-Z][\\w.]*)*|[a-z]+) (?<cue>said)\\b")]
    private static partial Regex QuoteThenSaid();

    [GeneratedRegex("(?<cue>[Aa]ccording to) (?<source>(?:the )?[A-Z][\\w.]*(?: [A-Z][\\w.]*)*), (?<content>[^.\\n]{3,})")]
    private static partial Regex AccordingTo();
}
