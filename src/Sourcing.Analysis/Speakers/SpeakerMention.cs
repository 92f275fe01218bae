using Sourcing.Attribution;

namespace Sourcing.Analysis.Speakers;

/// <summary>
/// One named speaker of one article as the engine resolved it (<paramref name="Name"/>), the spellings the
/// article uses for it, and the article's context terms (its salient entities and topic words, and role words).
/// </summary>
public sealed record SpeakerMention(string Name, EntityKind Entity, IReadOnlyCollection<string> Aliases, IReadOnlySet<string> Context)
{
    /// <summary>A person's name, parsed once (matching compares it with every speaker of the block).</summary>
    public PersonName? ParsedName { get; } = Entity == EntityKind.Person ? PersonName.Parse(Name) : null;
}
