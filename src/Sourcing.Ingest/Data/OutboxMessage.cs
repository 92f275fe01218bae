namespace Sourcing.Ingest.Data;

/// <summary>
/// Work for the dispatcher: have one article analyzed. Written in the same transaction as the
/// article, so nothing accepted is lost; deleted when the analysis is stored or the row is parked.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid ArticleId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>The row is not claimed before this time (retry back-off).</summary>
    public DateTime AvailableAt { get; set; }
    /// <summary>A dispatcher holds the row until this time; after it, another may claim it.</summary>
    public DateTime? LockedUntil { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>The W3C traceparent of the ingest call, so the dispatch joins its trace.</summary>
    public string? TraceParent { get; set; }
}
