using Sourcing.Attribution;

namespace Sourcing.Analysis.Speakers;

/// <summary>
/// Resolves one article's named speakers to speaker entities: the best-scoring known speaker of the same kind,
/// or a new one. Two different speakers of one article never resolve to one entity (the engine has already
/// told them apart), so two people named Smith in one article stay two. Deterministic for its inputs.
/// </summary>
public static class SpeakerResolver
{
    /// <summary>The entity of each mention, in the mentions' order; new entities have <see cref="KnownSpeaker.IsNew"/>.</summary>
    public static IReadOnlyList<KnownSpeaker> Resolve(IReadOnlyList<SpeakerMention> mentions, IEnumerable<KnownSpeaker> known, Func<Guid> newId)
    {
        var pool = known.ToList();
        var used = new HashSet<KnownSpeaker>();
        var resolved = new KnownSpeaker[mentions.Count];
        // Full names first, so that a bare surname meets the entity its full name already chose.
        var order = Enumerable.Range(0, mentions.Count)
            .OrderByDescending(i => mentions[i].ParsedName?.GivenNames.Count ?? 0)
            .ThenByDescending(i => mentions[i].Name.Length)
            .ThenBy(i => mentions[i].Name, StringComparer.Ordinal);
        foreach (var i in order)
        {
            var mention = mentions[i];
            var scored = pool.Where(s => !used.Contains(s))
                .Select(s => (Speaker: s, Score: SpeakerMatch.Score(mention, s)))
                .Where(c => c.Score > 0)
                .OrderByDescending(c => c.Score)
                .ThenBy(c => c.Speaker.Id)
                .ToList();
            var speaker = Choose(mention, scored);
            if (speaker is null)
            {
                speaker = new KnownSpeaker(newId(), mention.Name, mention.Entity, [], [], isNew: true);
                pool.Add(speaker);
            }
            speaker.Absorb(mention);
            used.Add(speaker);
            resolved[i] = speaker;
        }
        return resolved;
    }

    private static KnownSpeaker? Choose(SpeakerMention mention, List<(KnownSpeaker Speaker, double Score)> scored)
    {
        if (scored.Count == 0)
        {
            return null;
        }
        // A bare surname that fits two people equally well is nobody in particular: better a new entity than a wrong merge.
        var bare = mention.ParsedName is { HasGivenName: false };
        if (bare && scored.Count > 1 && (int)scored[1].Score / 10 == (int)scored[0].Score / 10 && scored[0].Score - scored[1].Score < 0.1)
        {
            return null;
        }
        return scored[0].Speaker;
    }
}
