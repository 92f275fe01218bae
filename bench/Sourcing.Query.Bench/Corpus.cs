namespace Sourcing.Query.Bench;

/// <summary>Deterministic generated articles: outlets, two years of publish times, text from a word list with a long tail.</summary>
internal sealed class Corpus(int seed)
{
    public const int OutletCount = 20;
    public const int AttributionsPerArticle = 15;
    public static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    public static readonly int Days = 730;

    private static readonly string[] Common = ["the", "said", "officials", "government", "minister", "talks", "city", "police",
        "report", "council", "strike", "harbor", "budget", "election", "court", "vote", "week", "people", "statement", "plan"];
    private readonly Random _random = new(seed);

    public static string Outlet(int i) => $"Outlet {i:D2}";

    public static int CommonWordCount => Common.Length;

    /// <summary>One of the words most articles hold ("the" aside, a stop word).</summary>
    public static string CommonWord(int i) => Common[i] == "the" ? "said" : Common[i];

    /// <summary>A rarer word: the full-text benchmark searches these ("term0..term4999", Zipf-like frequency).</summary>
    public static string Term(int i) => $"term{i}";

    public string NextOutlet() => Outlet(_random.Next(OutletCount));

    public DateTime NextPublished() => Start.AddSeconds(_random.NextDouble() * Days * 86400);

    public string NextText()
    {
        var words = new string[80];
        for (var i = 0; i < words.Length; i++)
        {
            // One word in eight is a tail term drawn with a skew, the rest common words.
            words[i] = i % 8 == 0 ? Term((int)(5000 * Math.Pow(_random.NextDouble(), 2))) : Common[_random.Next(Common.Length)];
        }
        return string.Join(' ', words) + ".";
    }

    public string NextSpeaker() => _random.Next(4) == 0 ? "officials" : $"Speaker {(int)(2000 * Math.Pow(_random.NextDouble(), 2))}";

    public int Next(int max) => _random.Next(max);
}
