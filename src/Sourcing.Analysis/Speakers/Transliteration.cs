using System.Text;

namespace Sourcing.Analysis.Speakers;

/// <summary>
/// Spelling skeletons of one folded name token, so that transliterations of one name meet:
/// Qaani, Qhaani and Ghaani all become "kani"; Dmitri, Dmitry and Dmitrii become "dmitri".
/// </summary>
public static class Transliteration
{
    private static readonly (string From, string To)[] Digraphs =
    [
        ("kh", "k"), ("gh", "k"), ("qh", "k"), ("ck", "k"), ("ph", "f"), ("dh", "d"), ("th", "t"),
        ("sch", "s"), ("sh", "s"), ("ch", "c"), ("ou", "u"), ("oo", "u"), ("ee", "i"), ("ie", "i"),
    ];

    /// <summary>The token with transliteration digraphs and letters mapped to one spelling and repeats collapsed.</summary>
    public static string Skeleton(string token)
    {
        var s = token.ToLowerInvariant();
        foreach (var (from, to) in Digraphs)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }
        var mapped = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i] switch
            {
                'q' => 'k',
                'c' => i + 1 < s.Length && s[i + 1] is 'e' or 'i' or 'y' ? 's' : 'k',
                'z' => 's',
                'w' => 'v',
                'j' => 'y',
                'y' => i == 0 ? 'y' : 'i',
                'h' when i > 0 && !IsVowel(s[i - 1]) => '\0',
                'h' when i == s.Length - 1 || !IsVowel(s[i + 1]) => '\0',
                var other => other,
            };
            if (c != '\0' && (mapped.Length == 0 || mapped[^1] != c))
            {
                mapped.Append(c);
            }
        }
        return mapped.ToString();
    }

    /// <summary>The consonants of the skeleton after its first letter: a coarse key for finding candidates.</summary>
    public static string Key(string token)
    {
        var skeleton = Skeleton(token);
        if (skeleton.Length == 0)
        {
            return string.Empty;
        }
        var key = new StringBuilder().Append(IsVowel(skeleton[0]) ? 'a' : skeleton[0]);
        foreach (var c in skeleton.AsSpan(1))
        {
            if (!IsVowel(c) && key[^1] != c)
            {
                key.Append(c);
            }
        }
        return key.ToString();
    }

    /// <summary>Whether two tokens are spellings of one name: equal skeletons, or close ones of a like shape.</summary>
    public static bool SameName(string a, string b) => SameSkeleton(Skeleton(a), Skeleton(b));

    /// <summary><see cref="SameName"/> for names whose <see cref="Skeleton"/>s are already worked out.</summary>
    public static bool SameSkeleton(string x, string y)
    {
        if (x == y)
        {
            return true;
        }
        var shorter = Math.Min(x.Length, y.Length);
        var allowed = shorter >= 6 ? 2 : shorter >= 4 ? 1 : 0;
        var sameStart = x[0] == y[0] || IsVowel(x[0]) && IsVowel(y[0]);
        return allowed > 0 && sameStart && EditDistance.Compute(x, y) <= allowed;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
