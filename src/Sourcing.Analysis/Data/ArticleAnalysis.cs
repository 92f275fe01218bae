namespace Sourcing.Analysis.Data;

/// <summary>
/// The current analysis of one article: which stored analysis readers see (<see cref="AnalysisId"/>, switched in
/// the transaction that stores a new one), which engine produced it and what it counted.
/// </summary>
public sealed class ArticleAnalysis
{
    public Guid ArticleId { get; set; }
    public Guid AnalysisId { get; set; }
    public required string EngineVersion { get; set; }
    public DateTime AnalyzedAt { get; set; }
    public string? Outlet { get; set; }
    public string? Title { get; set; }
    public DateTime? PublishedAt { get; set; }
    public int AttributionCount { get; set; }
    public int AnonymousCount { get; set; }
}
