namespace Sourcing.Ingest.Similarity;

/// <summary>
/// A consistent sample of a text's shingle hashes: those whose hash falls below a fixed threshold
/// (one in <see cref="SamplingRate"/>), the threshold variant of MinHash. Because every text keeps
/// the same hash values, two texts' samples share about 1/8 of the shingles the texts share, so
/// an inverted index over the samples finds articles that reuse even 15% of a text, where
/// banded MinHash signatures only find near-identical ones.
/// </summary>
public static class ShingleSketch
{
    public const int SamplingRate = 8;

    public static long[] Of(IReadOnlySet<long> shingles) =>
        [.. shingles.Where(IsSampled).Order()];

    public static bool IsSampled(long shingle) => (shingle & (SamplingRate - 1)) == 0;
}
