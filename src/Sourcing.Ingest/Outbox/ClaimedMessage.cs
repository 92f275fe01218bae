namespace Sourcing.Ingest.Outbox;

/// <summary>An outbox row this replica has claimed, with the attempt number this claim is.</summary>
public sealed record ClaimedMessage(long Id, Guid ArticleId, int Attempts, string? TraceParent);
