using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Resolves who each source is across the document: short names and titles to full names,
/// pronouns to the person or group last spoken of, "the officials" to the first fullest
/// mention of those officials, "the statement" to the document last quoted. Mentions of one
/// source get one entity number.
/// </summary>
internal static class Coreference
{
    public static void Resolve(Document doc)
    {
        var entities = new List<(Mention Mention, int Token)>();
        var ids = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var persons = new List<(int Token, Candidate Candidate)>();
        Candidate? previous = null;
        foreach (var c in doc.Candidates)
        {
            if (c.Rejected || c.Mention is not { } m)
            {
                continue;
            }
            var at = c.SourceFirst;
            switch (m.Kind)
            {
                case MentionKind.ShortName:
                    if (doc.Persons.ResolveShort(m.Speaker, at) is { } full)
                    {
                        m.Speaker = full;
                    }
                    else
                    {
                        // News introduces people by full name: a lone name never given one is a body.
                        m.Kind = MentionKind.Organization;
                        m.Entity = EntityKind.Organization;
                    }
                    break;
                case MentionKind.Organization when !m.Proper && m.Sourcing == SourcingKind.Named || m.Head == "police":
                    if (BodyReference.NamedBody(doc, m.Head, at) is { } body)
                    {
                        m.Speaker = body;
                        m.Sourcing = SourcingKind.Named;
                    }
                    else if (m.Definite && !m.Plural && m.Modifiers.Length == 0 && BodyReference.IsBusinessHead(m.Head)
                             && (BodyReference.LastProperBody(doc, c) ?? BodyReference.LeadBody(doc)) is { } named)
                    {
                        // "the company", "the club": the organization the story is about.
                        m.Speaker = named;
                    }
                    break;
                case MentionKind.Title when m.Sourcing == SourcingKind.Named && m.TitleKey is { } title:
                    if (doc.Persons.ResolveTitle(title, at) is { } holder)
                    {
                        m.Speaker = holder;
                    }
                    break;
                case MentionKind.Pronoun:
                    Pronoun(doc, c, m, persons, previous);
                    break;
                case MentionKind.Document:
                    Document(m, at, entities);
                    break;
                case MentionKind.Role or MentionKind.Unknown when m.Sourcing == SourcingKind.Anonymous:
                    Anonymous(m, at, entities);
                    break;
            }
            if (m.EntityId < 0)
            {
                var key = $"{m.Entity}:{PersonRegistry.Key(m.Speaker)}";
                if (!ids.TryGetValue(key, out var id))
                {
                    ids[key] = id = ids.Count + 1_000_000;
                }
                m.EntityId = id;
            }
            if (m.Entity == EntityKind.Person && m.Sourcing == SourcingKind.Named)
            {
                persons.Add((at, c));
            }
            previous = c;
        }
    }

    private static void Pronoun(Document doc, Candidate c, Mention m, List<(int Token, Candidate Candidate)> persons, Candidate? previous)
    {
        if (m.Head is "he" or "she" or "him" or "her")
        {
            // "she" is the last woman or person of unknown gender spoken of, never a man.
            var gender = m.Head is "he" or "him" ? Gender.Male : Gender.Female;
            var fromText = doc.Persons.LastBefore(c.SourceFirst, gender);
            var fromCandidates = default((int Token, Candidate Candidate));
            for (var p = persons.Count - 1; p >= 0; p--)
            {
                if (doc.Persons.Fits(persons[p].Candidate.Mention!.Speaker, gender))
                {
                    fromCandidates = persons[p];
                    break;
                }
            }
            if (fromCandidates.Candidate is { } pc && (fromText is null || fromCandidates.Token >= fromText.Value.Token))
            {
                Copy(pc.Mention!, m);
            }
            else if (fromText is { } person)
            {
                m.Speaker = person.Name;
                m.Entity = EntityKind.Person;
                m.Sourcing = SourcingKind.Named;
            }
            else
            {
                m.Entity = EntityKind.Person;
                m.Sourcing = SourcingKind.Named;
            }
            return;
        }
        var antecedent = previous;
        if (m.Plural)
        {
            for (var p = doc.Candidates.IndexOf(c) - 1; p >= 0; p--)
            {
                var other = doc.Candidates[p];
                if (other.Rejected || other.Mention is null || c.Sentence - other.Sentence > 3)
                {
                    continue;
                }
                if (other.Mention.Plural || other.Mention.Entity == EntityKind.Group)
                {
                    antecedent = other;
                    break;
                }
            }
        }
        else
        {
            for (var p = doc.Candidates.IndexOf(c) - 1; p >= 0; p--)
            {
                var other = doc.Candidates[p];
                if (!other.Rejected && other.Mention is { Entity: EntityKind.Organization or EntityKind.Document })
                {
                    antecedent = other;
                    break;
                }
            }
        }
        if (antecedent?.Mention is { } a && c.Sentence - antecedent.Sentence <= 4)
        {
            Copy(a, m);
        }
        else
        {
            m.Entity = m.Plural ? EntityKind.Group : EntityKind.Organization;
            m.Sourcing = SourcingKind.Anonymous;
        }
    }

    private static void Copy(Mention from, Mention to)
    {
        to.Speaker = from.Speaker;
        to.Entity = from.Entity;
        to.Sourcing = from.Sourcing;
        to.EntityId = from.EntityId;
        to.Plural = from.Plural;
    }

    private static void Document(Mention m, int at, List<(Mention Mention, int Token)> entities)
    {
        if (!m.Indefinite && (m.Definite || !m.Plural))
        {
            (Mention Mention, int Token)? any = null;
            for (var k = entities.Count - 1; k >= 0; k--)
            {
                var e = entities[k].Mention;
                if (e.Entity != EntityKind.Document)
                {
                    continue;
                }
                if (e.Head == m.Head)
                {
                    Copy(e, m);
                    return;
                }
                any ??= entities[k];
            }
            if (any is { } found && m.Head is "document" or "text" or "communique" or "communiqué")
            {
                Copy(found.Mention, m);
                return;
            }
        }
        m.EntityId = NextId(entities);
        entities.Add((m, at));
    }

    private static void Anonymous(Mention m, int at, List<(Mention Mention, int Token)> entities)
    {
        var bare = m.Modifiers.Length == 0 && !m.Indefinite;
        for (var k = entities.Count - 1; k >= 0; k--)
        {
            var e = entities[k].Mention;
            if (e.Entity == EntityKind.Document || e.Head != m.Head)
            {
                continue;
            }
            var same = e.Modifiers.AsSpan().SequenceEqual(m.Modifiers);
            if (same || (m.Definite || bare) && !m.Indefinite && m.Modifiers.All(e.Modifiers.Contains))
            {
                Copy(e, m);
                // The list is kept in order of last mention: "the officials" means the ones just quoted.
                var entry = entities[k];
                entities.RemoveAt(k);
                entities.Add(entry);
                return;
            }
        }
        m.EntityId = NextId(entities);
        entities.Add((m, at));
    }

    private static int NextId(List<(Mention Mention, int Token)> entities) =>
        entities.Count == 0 ? 0 : entities.Max(e => e.Mention.EntityId) + 1;

    /// <summary>Whether a mention (as in "The two Iraqi officials spoke on condition ...") names an entity.</summary>
    public static bool Refers(Mention mention, Mention entity) =>
        mention.Head == entity.Head && mention.Modifiers.All(entity.Modifiers.Contains);
}
