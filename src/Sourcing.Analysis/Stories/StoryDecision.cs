namespace Sourcing.Analysis.Stories;

/// <summary>
/// Where an article goes: into <see cref="StoryId"/> (null for a new story), with the other stories it also
/// links (<see cref="Merged"/>) folded into that one, and its best similarity to an article already there.
/// </summary>
public sealed record StoryDecision(Guid? StoryId, IReadOnlyList<Guid> Merged, double Similarity);
