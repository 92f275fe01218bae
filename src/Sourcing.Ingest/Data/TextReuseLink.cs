namespace Sourcing.Ingest.Data;

/// <summary>
/// Two articles that share text, stored once per pair (the view <c>ingest.text_reuse_links</c> shows each pair from
/// both sides): <see cref="ArticleId"/>, the article being stored when the pair was found, shares
/// <see cref="SharedFraction"/> of its word 5-shingles with <see cref="OtherArticleId"/>, which shares
/// <see cref="OtherSharedFraction"/> of its own.
/// </summary>
public sealed class TextReuseLink
{
    public Guid ArticleId { get; set; }
    public Guid OtherArticleId { get; set; }
    public double SharedFraction { get; set; }
    public double OtherSharedFraction { get; set; }
}
