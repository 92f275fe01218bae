namespace Sourcing.Analysis.Data;

/// <summary>
/// An article's story and its signature (terms and weights before inverse document frequency), which later
/// articles are compared with. <see cref="StoryTime"/> is the publication time, else the time it was received.
/// </summary>
public sealed class ArticleStory
{
    public Guid ArticleId { get; set; }
    public Guid StoryId { get; set; }
    public DateTime StoryTime { get; set; }
    public string[] Terms { get; set; } = [];
    public float[] Weights { get; set; } = [];

    /// <summary>The candidate index's keys: each term with its period (<see cref="Stories.StoryPeriods"/>).</summary>
    public long[] TermKeys { get; set; } = [];
    public double Similarity { get; set; }
    public DateTime AssignedAt { get; set; }

    /// <summary>
    /// Numbered when the row is inserted (an identity). Rows are inserted only under analysis's corpus lock, so a row
    /// committed after another was read has a higher number than every row read then.
    /// </summary>
    public long ChangeSeq { get; set; }
}
