namespace Sourcing.Attribution.Lexicon;

/// <summary>
/// Multiword phrases (lowercase token sequences) found by their first or last word, longest
/// first, compared case-insensitively against the document's word tokens.
/// </summary>
internal sealed class PhraseSet
{
    private readonly Dictionary<string, string[][]> _byFirst;
    private readonly Dictionary<string, string[][]> _byLast;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _first;
    private readonly Dictionary<string, string[][]>.AlternateLookup<ReadOnlySpan<char>> _last;

    public PhraseSet(IEnumerable<string> phrases)
    {
        var list = phrases
            .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length > 0)
            .ToList();
        _byFirst = Group(list, p => p[0]);
        _byLast = Group(list, p => p[^1]);
        _first = _byFirst.GetAlternateLookup<ReadOnlySpan<char>>();
        _last = _byLast.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Number of tokens of the longest phrase starting at token <paramref name="index"/>, or 0.</summary>
    public int MatchAt(Model.Document doc, int index, int limit)
    {
        if (index < 0 || index >= limit || !doc.IsWord(index) || !_first.TryGetValue(doc.Span(index), out var candidates))
        {
            return 0;
        }
        foreach (var phrase in candidates)
        {
            if (index + phrase.Length <= limit && Matches(doc, index, phrase))
            {
                return phrase.Length;
            }
        }
        return 0;
    }

    /// <summary>Number of tokens of the longest phrase ending at token <paramref name="last"/>, or 0.</summary>
    public int MatchEndingAt(Model.Document doc, int last, int floor)
    {
        if (last < floor || last >= doc.Count || !doc.IsWord(last) || !_last.TryGetValue(doc.Span(last), out var candidates))
        {
            return 0;
        }
        foreach (var phrase in candidates)
        {
            var start = last - phrase.Length + 1;
            if (start >= floor && Matches(doc, start, phrase))
            {
                return phrase.Length;
            }
        }
        return 0;
    }

    private static bool Matches(Model.Document doc, int start, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            var i = start + k;
            if (!doc.IsWord(i) || !doc.Span(i).Equals(phrase[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }
        return true;
    }

    private static Dictionary<string, string[][]> Group(List<string[]> list, Func<string[], string> key) =>
        list.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(
                g => g.Key,
                g => g.OrderByDescending(p => p.Length).ToArray(),
                StringComparer.OrdinalIgnoreCase);
}
