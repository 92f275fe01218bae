namespace Sourcing.Ingest.Similarity;

/// <summary>How much two texts share, measured exactly over their word 5-shingles.</summary>
public readonly record struct TextOverlap(double SharedFractionOfFirst, double SharedFractionOfSecond, double Jaccard)
{
    public static TextOverlap Between(IReadOnlySet<long> first, IReadOnlySet<long> second)
    {
        if (first.Count == 0 || second.Count == 0)
        {
            return default;
        }
        var (small, large) = first.Count <= second.Count ? (first, second) : (second, first);
        var shared = small.Count(large.Contains);
        var union = first.Count + second.Count - shared;
        return new TextOverlap((double)shared / first.Count, (double)shared / second.Count, (double)shared / union);
    }
}
