namespace Sourcing.Analysis.Data;

/// <summary>
/// One stored analysis of an article by one engine version. The current one's attributions are in
/// <c>attributions</c>; earlier versions keep this record (when, which engine, what it counted).
/// </summary>
public sealed class AnalysisRun
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public required string EngineVersion { get; set; }
    public DateTime AnalyzedAt { get; set; }
    public int AttributionCount { get; set; }
    public int AnonymousCount { get; set; }
}
