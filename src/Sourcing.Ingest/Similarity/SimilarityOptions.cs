namespace Sourcing.Ingest.Similarity;

/// <summary>Near-duplicate and text-reuse settings (section <c>Similarity</c>).</summary>
public sealed class SimilarityOptions
{
    public const string Section = "Similarity";

    /// <summary>Two articles whose shingle sets have at least this Jaccard similarity are near-identical copies.</summary>
    public double DuplicateJaccard { get; set; } = 0.9;

    /// <summary>Two articles are linked as text reuse when either shares at least this fraction of its shingles with the other.</summary>
    public double ReuseFraction { get; set; } = 0.1;

    /// <summary>Sampled shingles a stored article must share with a new one to be compared with it, at the least.</summary>
    public int MinSampledOverlap { get; set; } = 3;

    /// <summary>
    /// ... and at least this share of the new article's sample: half the reuse fraction, so that
    /// sampling noise does not hide real reuse while stock phrases ("spoke on condition of
    /// anonymity because") shared with thousands of articles do not make them all candidates.
    /// </summary>
    public double MinSampledShare { get; set; } = 0.05;

    /// <summary>The most stored articles one sampled shingle can propose as candidates (the oldest first).</summary>
    public int MaxPostingsPerShingle { get; set; } = 50;

    /// <summary>The most candidates compared exactly per new article, most overlap first.</summary>
    public int MaxCandidates { get; set; } = 20;
}
