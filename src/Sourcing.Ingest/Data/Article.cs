namespace Sourcing.Ingest.Data;

/// <summary>A stored article: the original as submitted, and the normalized text analysis runs on.</summary>
public sealed class Article
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
    public short ContentType { get; set; }
    public required string OriginalBody { get; set; }
    public required string Text { get; set; }
    /// <summary>SHA-256 of the normalized text, lowercase hex: the same article twice has the same one.</summary>
    public required string Fingerprint { get; set; }
    /// <summary>Queued until the analysis is stored, then analyzed or failed; <see cref="ArticleProgress"/> adds analyzing.</summary>
    public PipelineState State { get; set; }
    /// <summary>Dispatch attempts, copied from the outbox row when it is removed.</summary>
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public DateTime? AnalyzedAt { get; set; }
    /// <summary>The first stored article this one is a near-identical copy of.</summary>
    public Guid? DuplicateOf { get; set; }
}
