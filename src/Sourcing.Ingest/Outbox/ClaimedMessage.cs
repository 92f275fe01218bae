namespace Sourcing.Ingest.Outbox;

/// <summary>An outbox row this replica has claimed, with the attempt number this claim is and the article to analyze.</summary>
public sealed record ClaimedMessage(
    long Id,
    Guid ArticleId,
    int Attempts,
    string? TraceParent,
    string Text,
    string? Outlet,
    string Title,
    DateTime? PublishedAt);
