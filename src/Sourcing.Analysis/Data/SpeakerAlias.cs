namespace Sourcing.Analysis.Data;

/// <summary>One spelling of a speaker seen in an article ("Kirby", "Pentagon press secretary John Kirby", "Esmail Ghaani").</summary>
public sealed class SpeakerAlias
{
    public Guid SpeakerId { get; set; }
    public required string Alias { get; set; }
    public DateTime FirstSeenAt { get; set; }
}
