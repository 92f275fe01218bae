namespace Sourcing.Analysis.Stories;

/// <summary>
/// What an article is about, as weighted terms (before inverse document frequency): its speakers' names,
/// its capitalized names and places, and its content words, each weighted by kind and sublinear frequency.
/// </summary>
public sealed record ArticleSignature(IReadOnlyDictionary<string, double> Weights)
{
    public string[] Terms => [.. Weights.Keys];

    public float[] WeightArray => [.. Weights.Values.Select(w => (float)w)];

    /// <summary>The heaviest terms: a speaker's context, and the terms a candidate article must share one of.</summary>
    public IEnumerable<string> Top(int count) =>
        Weights.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(count).Select(p => p.Key);
}
