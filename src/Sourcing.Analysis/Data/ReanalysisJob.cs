namespace Sourcing.Analysis.Data;

/// <summary>
/// A reanalysis of stored articles (all, or by outlet and publication time) with the current engine, resumable:
/// <see cref="CursorArticleId"/> is the last article done, in article id order; a worker holds the job by lease.
/// <see cref="State"/> holds the number of the <c>sourcing.v1.ReanalysisState</c> enum.
/// </summary>
public sealed class ReanalysisJob
{
    public Guid Id { get; set; }
    public string? RequestId { get; set; }
    public string? Outlet { get; set; }
    public DateTime? PublishedFrom { get; set; }
    public DateTime? PublishedTo { get; set; }
    public required string EngineVersion { get; set; }
    public short State { get; set; }
    public int TotalCount { get; set; }
    public int ProcessedCount { get; set; }
    public int ReanalyzedCount { get; set; }
    public int SkippedCount { get; set; }
    public int FailedCount { get; set; }
    public Guid? CursorArticleId { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseUntil { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
}
