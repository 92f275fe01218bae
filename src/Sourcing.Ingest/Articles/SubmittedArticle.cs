namespace Sourcing.Ingest.Articles;

/// <summary>A validated, normalized article ready to be stored.</summary>
public sealed record SubmittedArticle(
    string? ExternalId,
    string? Url,
    string Title,
    string? Outlet,
    string? Byline,
    string? Dateline,
    DateTime? PublishedAt,
    short ContentType,
    string OriginalBody,
    string Text,
    string Fingerprint);
