namespace Sourcing.Ingest.Data;

/// <summary>Article <see cref="ArticleId"/> shares <see cref="SharedFraction"/> of its word 5-shingles with another.</summary>
public sealed class TextReuseLink
{
    public Guid ArticleId { get; set; }
    public Guid OtherArticleId { get; set; }
    public double SharedFraction { get; set; }
}
