namespace Sourcing.Analysis.Data;

/// <summary>A story: articles from any outlet about one event, clustered by shared names and terms within a time window.</summary>
public sealed class Story
{
    public Guid Id { get; set; }
    public required string Label { get; set; }
    public int ArticleCount { get; set; }
    public DateTime FirstTime { get; set; }
    public DateTime LastTime { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
