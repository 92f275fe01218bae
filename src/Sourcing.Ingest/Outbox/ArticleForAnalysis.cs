namespace Sourcing.Ingest.Outbox;

/// <summary>What the dispatcher sends to analysis for one article.</summary>
public sealed record ArticleForAnalysis(Guid Id, string Text, string? Outlet, string Title, DateTime? PublishedAt);
