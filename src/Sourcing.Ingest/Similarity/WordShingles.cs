namespace Sourcing.Ingest.Similarity;

/// <summary>
/// The word 5-shingles of a text as stable 64-bit hashes: words are runs of letters and digits,
/// lowercased, with apostrophes dropped ("Iraq’s" = "iraqs"), so copies that differ in case,
/// punctuation or line breaks share their shingles.
/// </summary>
public static class WordShingles
{
    public const int Size = 5;

    public static HashSet<long> Of(string text)
    {
        var words = Words(text);
        var shingles = new HashSet<long>(Math.Max(0, words.Count - Size + 1));
        for (var i = 0; i + Size <= words.Count; i++)
        {
            var hash = 14695981039346656037UL;
            for (var j = 0; j < Size; j++)
            {
                hash = (hash ^ words[i + j]) * 1099511628211UL;
            }
            shingles.Add((long)Mix(hash));
        }
        return shingles;
    }

    private static List<ulong> Words(string text)
    {
        var words = new List<ulong>(text.Length / 5);
        var hash = 14695981039346656037UL;
        var inWord = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hash = (hash ^ char.ToLowerInvariant(c)) * 1099511628211UL;
                inWord = true;
            }
            else if (c is '\'' or '\u2019' && inWord)
            {
                continue;
            }
            else if (inWord)
            {
                words.Add(Mix(hash));
                hash = 14695981039346656037UL;
                inWord = false;
            }
        }
        if (inWord)
        {
            words.Add(Mix(hash));
        }
        return words;
    }

    /// <summary>The SplitMix64 finalizer: spreads FNV-1a's weak low bits over the whole word.</summary>
    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
