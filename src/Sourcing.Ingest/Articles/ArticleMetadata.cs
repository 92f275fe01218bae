namespace Sourcing.Ingest.Articles;

/// <summary>Metadata found in an article's text; each part is null where the text does not say.</summary>
public sealed record ArticleMetadata(string? Title, string? Byline, string? Dateline, DateTime? PublishedAt, string? Outlet);
