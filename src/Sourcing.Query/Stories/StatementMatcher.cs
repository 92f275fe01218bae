using System.Text.RegularExpressions;
using Sourcing.Query.Data;

namespace Sourcing.Query.Stories;

/// <summary>
/// Groups the attributions of a story's versions into statements: two attributions of different
/// versions are one statement when they cite the same speaker (the resolved entity, else the
/// speaker's descriptor) and their contents share at least <see cref="MinContentOverlap"/> of their
/// content words, which survives rewording, trimming and machine translation better than spans do.
/// </summary>
public static partial class StatementMatcher
{
    public const double MinContentOverlap = 0.2;

    private static readonly HashSet<string> StopWords =
    [
        "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "that", "this", "is", "are", "was", "were",
        "be", "been", "it", "its", "as", "at", "by", "from", "has", "have", "had", "will", "would", "not", "but", "they",
        "their", "he", "she", "his", "her", "we", "our", "us", "said", "says",
    ];

    public sealed record Statement(List<AttributionView> Members)
    {
        public IEnumerable<Guid> ArticleIds => Members.Select(m => m.ArticleId).Distinct();
    }

    /// <summary>Attributions in version order (oldest version first, document order within one).</summary>
    public static List<Statement> Group(IEnumerable<AttributionView> attributions)
    {
        var statements = new List<(Statement Statement, string Speaker, HashSet<string> Words)>();
        foreach (var attribution in attributions)
        {
            var speaker = SpeakerKey(attribution);
            var words = ContentWords(attribution.ContentText);
            var best = statements
                .Where(s => s.Speaker == speaker && s.Statement.Members.All(m => m.ArticleId != attribution.ArticleId))
                .Select(s => (s.Statement, Overlap: Overlap(s.Words, words)))
                .Where(s => s.Overlap >= MinContentOverlap)
                .OrderByDescending(s => s.Overlap)
                .Select(s => s.Statement)
                .FirstOrDefault();
            if (best is null)
            {
                statements.Add((new Statement([attribution]), speaker, words));
            }
            else
            {
                best.Members.Add(attribution);
            }
        }
        return [.. statements.Select(s => s.Statement)];
    }

    public static string SpeakerKey(AttributionView attribution) =>
        attribution.SpeakerId?.ToString() ?? LeadingNumber().Replace(attribution.Speaker.ToLowerInvariant(), "").Trim();

    public static HashSet<string> ContentWords(string content) =>
        [.. Word().Matches(content.ToLowerInvariant()).Select(m => m.Value).Where(w => !StopWords.Contains(w))];

    public static double Overlap(HashSet<string> first, HashSet<string> second)
    {
        if (first.Count == 0 || second.Count == 0)
        {
            return 0;
        }
        var shared = first.Count(second.Contains);
        return (double)shared / (first.Count + second.Count - shared);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^(?:(?:the|a|an|some|several|two|three|four|five|\d+)\s+)+")]
    private static partial Regex LeadingNumber();
}
