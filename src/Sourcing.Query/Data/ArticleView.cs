namespace Sourcing.Query.Data;

/// <summary>A read-only view of <c>ingest.articles</c>; ingest owns and migrates that table.</summary>
public sealed class ArticleView
{
    public Guid Id { get; set; }
    public string? ExternalId { get; set; }
    public string? Url { get; set; }
    public required string Title { get; set; }
    public string? Outlet { get; set; }
    public string? Byline { get; set; }
    public string? Dateline { get; set; }
    public DateTime? PublishedAt { get; set; }
    public DateTime ReceivedAt { get; set; }
    public required string Text { get; set; }
    public short State { get; set; }
}
