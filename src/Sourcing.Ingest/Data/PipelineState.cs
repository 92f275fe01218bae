namespace Sourcing.Ingest.Data;

/// <summary>Where an article is in the pipeline; the values are those of <c>sourcing.v1.ArticleState</c>.</summary>
public enum PipelineState : short
{
    Received = 1,
    Queued = 2,
    Analyzing = 3,
    Analyzed = 4,
    Failed = 5,
}
