using Microsoft.EntityFrameworkCore;
using Sourcing.Analysis.Grpc;
using Sourcing.Analysis.Speakers;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Resolves articles' named speakers against the stored speaker entities and stores what changed. Runs
/// inside the storing transaction, after the corpus lock, so two articles never create one person twice.
/// A batch is resolved one article after the other against the stored speakers and those its earlier
/// articles created, with one load and one save for the whole batch.
/// </summary>
public sealed class SpeakerStore(AnalysisDbContext db, TimeProvider time)
{
    /// <summary>For each article, in order, the speaker entity id of each mention, by (engine speaker, entity).</summary>
    public async Task<IReadOnlyList<Dictionary<(string, Attribution.EntityKind), Guid>>> ResolveAsync(
        IReadOnlyList<IReadOnlyList<SpeakerMention>> articles, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var pool = (await LoadAsync(articles.SelectMany(m => m).Select(m => SpeakerKeys.Block(m.Name, m.Entity)).Distinct().ToList(), ct))
            .GroupBy(s => s.BlockKey, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var touched = new HashSet<KnownSpeaker>();
        var results = new List<Dictionary<(string, Attribution.EntityKind), Guid>>(articles.Count);
        foreach (var mentions in articles)
        {
            var known = mentions.Select(m => SpeakerKeys.Block(m.Name, m.Entity)).Distinct(StringComparer.Ordinal)
                .SelectMany(k => pool.GetValueOrDefault(k) ?? []).ToList();
            var resolved = SpeakerResolver.Resolve(mentions, known, Guid.CreateVersion7);
            foreach (var speaker in resolved.Where(s => s.IsNew && !touched.Contains(s)))
            {
                (pool.TryGetValue(speaker.BlockKey, out var block) ? block : pool[speaker.BlockKey] = []).Add(speaker);
            }
            touched.UnionWith(resolved);
            results.Add(mentions.Zip(resolved).ToDictionary(p => (p.First.Name, p.First.Entity), p => p.Second.Id));
        }
        await SaveAsync(touched, now, ct);
        return results;
    }

    private async Task<List<KnownSpeaker>> LoadAsync(List<string> keys, CancellationToken ct)
    {
        var stored = await db.Speakers.AsNoTracking().Where(s => keys.Contains(s.BlockKey)).ToListAsync(ct);
        var ids = stored.Select(s => s.Id).ToList();
        var aliases = (await db.SpeakerAliases.AsNoTracking().Where(a => ids.Contains(a.SpeakerId)).ToListAsync(ct))
            .ToLookup(a => a.SpeakerId, a => a.Alias);
        return [.. stored.Select(s => new KnownSpeaker(s.Id, s.Name, AttributionMapper.ToEngine(s.Entity), aliases[s.Id], s.ContextTerms))];
    }

    private async Task SaveAsync(IEnumerable<KnownSpeaker> speakers, DateTime now, CancellationToken ct)
    {
        foreach (var speaker in speakers)
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
                var stored = new Speaker { Id = speaker.Id, Name = speaker.Name, BlockKey = speaker.BlockKey, ContextTerms = [.. speaker.Context], UpdatedAt = now };
                db.Speakers.Attach(stored);
                var entry = db.Entry(stored);
                entry.Property(s => s.Name).IsModified = true;
                entry.Property(s => s.ContextTerms).IsModified = true;
                entry.Property(s => s.UpdatedAt).IsModified = true;
            }
            db.SpeakerAliases.AddRange(speaker.NewAliases.Select(a => new SpeakerAlias { SpeakerId = speaker.Id, Alias = a, FirstSeenAt = now }));
        }
        await db.SaveChangesAsync(ct);
    }
}
