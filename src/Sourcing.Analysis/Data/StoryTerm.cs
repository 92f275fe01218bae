namespace Sourcing.Analysis.Data;

/// <summary>How many article signatures hold a term: the document frequency behind story similarity's weights.</summary>
public sealed class StoryTerm
{
    public required string Term { get; set; }
    public int ArticleCount { get; set; }
}
