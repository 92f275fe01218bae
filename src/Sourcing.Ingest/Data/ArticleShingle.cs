namespace Sourcing.Ingest.Data;

/// <summary>One sampled shingle hash of an article: the inverted index that finds text reuse.</summary>
public sealed class ArticleShingle
{
    public long Hash { get; set; }
    public Guid ArticleId { get; set; }
}
