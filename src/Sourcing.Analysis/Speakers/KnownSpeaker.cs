using Sourcing.Attribution;

namespace Sourcing.Analysis.Speakers;

/// <summary>A speaker entity as the resolver sees it: stored already, or created while resolving an article.</summary>
public sealed class KnownSpeaker(Guid id, string name, EntityKind entity, IEnumerable<string> aliases, IEnumerable<string> context, bool isNew = false)
{
    /// <summary>The most context terms kept per speaker; the most recent articles' terms win.</summary>
    public const int MaxContextTerms = 400;

    public Guid Id { get; } = id;

    public string Name
    {
        get;
        private set
        {
            field = value;
            ParsedName = Entity == EntityKind.Person ? PersonName.Parse(value) : null;
            BlockKey = SpeakerKeys.Block(value, Entity);
        }
    } = name;

    public EntityKind Entity { get; } = entity;

    public bool IsNew { get; } = isNew;

    /// <summary>Whether the name or the context changed since it was loaded (the aliases are only ever added to).</summary>
    public bool Changed { get; private set; }

    public HashSet<string> Aliases { get; } = new(aliases, StringComparer.Ordinal);

    public HashSet<string> Context { get; } = new(context, StringComparer.Ordinal);

    /// <summary>The alias strings added while resolving, to be stored.</summary>
    public List<string> NewAliases { get; } = [];

    /// <summary>The key stored speakers are looked up by: the surname's key for a person, the folded name otherwise.</summary>
    public string BlockKey { get; private set; } = SpeakerKeys.Block(name, entity);

    /// <summary>A person's name, parsed once (matching compares it with every mention of the block).</summary>
    public PersonName? ParsedName { get; private set; } = entity == EntityKind.Person ? PersonName.Parse(name) : null;

    internal void Absorb(SpeakerMention mention)
    {
        foreach (var alias in mention.Aliases.Append(mention.Name))
        {
            if (Aliases.Add(alias))
            {
                NewAliases.Add(alias);
            }
        }
        if (ParsedName is { HasGivenName: false } && mention.ParsedName is { HasGivenName: true })
        {
            Name = mention.Name;
            Changed = true;
        }
        foreach (var term in mention.Context)
        {
            if (Context.Count >= MaxContextTerms)
            {
                break;
            }
            Changed |= Context.Add(term);
        }
    }
}
