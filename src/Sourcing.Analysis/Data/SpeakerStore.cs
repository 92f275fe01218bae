using Microsoft.EntityFrameworkCore;
using Sourcing.Analysis.Grpc;
using Sourcing.Analysis.Speakers;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Resolves an article's named speakers against the stored speaker entities and stores what changed. Runs
/// inside the storing transaction, after the corpus lock, so two articles never create one person twice.
/// </summary>
public sealed class SpeakerStore(AnalysisDbContext db, TimeProvider time)
{
    /// <summary>The speaker entity id of each mention, by (engine speaker, entity).</summary>
    public async Task<Dictionary<(string, Attribution.EntityKind), Guid>> ResolveAsync(IReadOnlyList<SpeakerMention> mentions, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var keys = mentions.Select(m => SpeakerKeys.Block(m.Name, m.Entity)).Distinct().ToList();
        var stored = await db.Speakers.AsNoTracking().Where(s => keys.Contains(s.BlockKey)).ToListAsync(ct);
        var ids = stored.Select(s => s.Id).ToList();
        var aliases = (await db.SpeakerAliases.AsNoTracking().Where(a => ids.Contains(a.SpeakerId)).ToListAsync(ct))
            .ToLookup(a => a.SpeakerId, a => a.Alias);
        var known = stored.Select(s => new KnownSpeaker(s.Id, s.Name, AttributionMapper.ToEngine(s.Entity), aliases[s.Id], s.ContextTerms)).ToList();

        var resolved = SpeakerResolver.Resolve(mentions, known, Guid.CreateVersion7);

        foreach (var speaker in resolved.Distinct())
        {
            if (speaker.IsNew)
            {
                db.Speakers.Add(new Speaker
                {
                    Id = speaker.Id, Name = speaker.Name, Entity = (short)AttributionMapper.ToProto(speaker.Entity),
                    BlockKey = speaker.BlockKey, ContextTerms = [.. speaker.Context], CreatedAt = now, UpdatedAt = now,
                });
            }
            else if (speaker.Changed)
            {
                await db.Speakers.Where(s => s.Id == speaker.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(s => s.Name, speaker.Name)
                    .SetProperty(s => s.ContextTerms, speaker.Context.ToArray())
                    .SetProperty(s => s.UpdatedAt, now), ct);
            }
            db.SpeakerAliases.AddRange(speaker.NewAliases.Select(a => new SpeakerAlias { SpeakerId = speaker.Id, Alias = a, FirstSeenAt = now }));
        }
        await db.SaveChangesAsync(ct);
        return mentions.Zip(resolved).ToDictionary(p => (p.First.Name, p.First.Entity), p => p.Second.Id);
    }
}
