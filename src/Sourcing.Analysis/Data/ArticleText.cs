namespace Sourcing.Analysis.Data;

/// <summary>
/// The text and metadata of an article as <c>AnalyzeArticle</c> received it: what a reanalysis runs the
/// engine on again, without reading ingest's schema.
/// </summary>
public sealed class ArticleText
{
    public Guid ArticleId { get; set; }
    public required string Text { get; set; }
    public string? Outlet { get; set; }
    public string? Title { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime ReceivedAt { get; set; }
}
