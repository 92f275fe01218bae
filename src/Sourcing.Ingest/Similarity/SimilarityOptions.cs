namespace Sourcing.Ingest.Similarity;

/// <summary>Near-duplicate and text-reuse settings (section <c>Similarity</c>).</summary>
public sealed class SimilarityOptions
{
    public const string Section = "Similarity";

    /// <summary>Two articles whose shingle sets have at least this Jaccard similarity are near-identical copies.</summary>
    public double DuplicateJaccard { get; set; } = 0.9;

    /// <summary>Two articles are linked as text reuse when either shares at least this fraction of its shingles with the other.</summary>
    public double ReuseFraction { get; set; } = 0.1;

    /// <summary>Sampled shingles a stored article must share with a new one to be compared with it.</summary>
    public int MinSampledOverlap { get; set; } = 3;

    /// <summary>The most candidates compared exactly per new article, most overlap first.</summary>
    public int MaxCandidates { get; set; } = 20;
}
