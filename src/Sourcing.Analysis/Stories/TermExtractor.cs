using System.Text.RegularExpressions;
using Sourcing.Analysis.Text;

namespace Sourcing.Analysis.Stories;

/// <summary>
/// Builds an article's <see cref="ArticleSignature"/>. Names carry an event across outlets better than
/// wording does (a rewrite keeps "Kirby", "Baghdad" and "Quds Force" but not its sentences), so capitalized
/// terms and the engine's named speakers weigh more than content words.
/// </summary>
public static partial class TermExtractor
{
    public const int MaxTerms = 80;
    public const double SpeakerWeight = 3;
    public const double NameWeight = 2;
    public const double WordWeight = 1;

    // No name or word is longer; a longer "term" (megabytes of one unbroken word) would not fit a GIN index entry.
    public const int MaxTermLength = 100;

    public static ArticleSignature Extract(string text, IEnumerable<string> namedSpeakers)
    {
        var counts = new Dictionary<string, (int Count, double Weight)>(StringComparer.Ordinal);
        void Add(string term, double weight)
        {
            if (term.Length is < 2 or > MaxTermLength)
            {
                return;
            }
            counts[term] = counts.TryGetValue(term, out var c) ? (c.Count + 1, Math.Max(c.Weight, weight)) : (1, weight);
        }

        var run = new List<string>();
        void EndRun()
        {
            if (run.Count > 1)
            {
                Add(string.Join(' ', run), NameWeight);
            }
            run.Clear();
        }

        foreach (Match word in Word().Matches(text))
        {
            var folded = NameText.Fold(word.Value);
            if (run.Count > 0 && !OnlySpaceBetween(text, word.Index))
            {
                EndRun();
            }
            if (NameText.IsCapitalized(word.Value) && !IsCommon(folded))
            {
                run.Add(folded);
                Add(folded, NameWeight);
                continue;
            }
            EndRun();
            if (folded.Length >= 4 && !IsCommon(folded) && !folded.Any(char.IsDigit))
            {
                Add(Stem(folded), WordWeight);
            }
        }
        EndRun();
        foreach (var speaker in namedSpeakers)
        {
            var folded = NameText.Fold(speaker);
            Add(folded, SpeakerWeight);
            foreach (var token in folded.Split(' ').Where(t => t.Length > 2 && !IsCommon(t)))
            {
                Add(token, NameWeight);
            }
        }

        var weights = counts
            .Select(p => (Term: p.Key, Weight: p.Value.Weight * (1 + Math.Log(p.Value.Count))))
            .OrderByDescending(p => p.Weight).ThenBy(p => p.Term, StringComparer.Ordinal)
            .Take(MaxTerms)
            .ToDictionary(p => p.Term, p => p.Weight, StringComparer.Ordinal);
        return new ArticleSignature(weights);
    }

    private static bool IsCommon(string folded) =>
        WordList.StopWords.Contains(folded) || WordList.Determiners.Contains(folded) || WordList.Titles.Contains(folded);

    private static string Stem(string word) =>
        word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4 ? word[..^3] + "y"
        : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 4 ? word[..^1]
        : word;

    private static bool OnlySpaceBetween(string text, int index) => index > 0 && text[index - 1] == ' ' && (index < 2 || char.IsLetter(text[index - 2]));

    [GeneratedRegex(@"\p{L}(?:[\p{L}\p{M}'’\-]|\.(?=\p{L}))*")]
    private static partial Regex Word();
}
