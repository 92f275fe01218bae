namespace Sourcing.Query.Data;

/// <summary>A read-only view of <c>analysis.article_analyses</c>; analysis owns and migrates that table.</summary>
public sealed class AnalysisView
{
    public Guid ArticleId { get; set; }
    public required string EngineVersion { get; set; }
    public DateTime AnalyzedAt { get; set; }
    public int AttributionCount { get; set; }
    public int AnonymousCount { get; set; }
}
