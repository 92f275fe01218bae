using Microsoft.EntityFrameworkCore;
using Sourcing.Analysis.Grpc;
using Sourcing.Analysis.Speakers;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Resolves articles' named speakers against the stored speaker entities and stores what changed. The stored speakers
/// are read before the corpus lock (<see cref="ReadAsync"/>); resolving runs after it, inside the storing transaction,
/// so two articles never create one person twice: it first reads the speakers changed since, then resolves the batch
/// one article after the other against the stored speakers and those its earlier articles created, and stores the
/// changes in one statement per table.
/// </summary>
public sealed class SpeakerStore(AnalysisDbContext db, TimeProvider time)
{
    // Context terms travel to PostgreSQL joined by a character no term holds (text is stripped of control characters).
    private const char ContextSeparator = '\u001f';

    /// <summary>The stored speakers the mentions may be; <see cref="ResolveAsync"/> brings them up to date.</summary>
    public async Task<StoredSpeakers> ReadAsync(IReadOnlyList<IReadOnlyList<SpeakerMention>> articles, CancellationToken ct)
    {
        // Read first: a speaker changed between this and the speakers is read twice, never missed.
        var seen = await db.Speakers.MaxAsync(s => (long?)s.ChangeSeq, ct) ?? 0;
        string[] keys = [.. articles.SelectMany(m => m).Select(m => SpeakerKeys.Block(m.Name, m.Entity)).Distinct()];
        return new StoredSpeakers(seen, keys, await LoadAsync(db.Speakers.Where(s => keys.Contains(s.BlockKey)), ct));
    }

    /// <summary>For each article, in order, the speaker entity id of each mention, by (engine speaker, entity).</summary>
    public async Task<IReadOnlyList<Dictionary<(string, Attribution.EntityKind), Guid>>> ResolveAsync(
        IReadOnlyList<IReadOnlyList<SpeakerMention>> articles, StoredSpeakers stored, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var (keys, read) = (stored.BlockKeys, stored.Speakers.Select(s => s.Id).ToArray());
        var current = stored.Speakers.ToDictionary(s => s.Id);
        // Changed since: a name change may have moved a speaker read then to another block, or one into ours.
        foreach (var speaker in await LoadAsync(db.Speakers.Where(s => s.ChangeSeq > stored.Seen && (keys.Contains(s.BlockKey) || read.Contains(s.Id))), ct))
        {
            current[speaker.Id] = speaker;
        }
        var blocks = keys.ToHashSet(StringComparer.Ordinal);
        var pool = current.Values.Where(s => blocks.Contains(s.BlockKey))
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

    private async Task<List<KnownSpeaker>> LoadAsync(IQueryable<Speaker> speakers, CancellationToken ct)
    {
        var stored = await speakers.AsNoTracking().ToListAsync(ct);
        Guid[] ids = [.. stored.Select(s => s.Id)];
        var aliases = (await db.SpeakerAliases.AsNoTracking().Where(a => ids.Contains(a.SpeakerId)).ToListAsync(ct))
            .ToLookup(a => a.SpeakerId, a => a.Alias);
        return [.. stored.Select(s => new KnownSpeaker(s.Id, s.Name, AttributionMapper.ToEngine(s.Entity), aliases[s.Id], s.ContextTerms))];
    }

    /// <summary>Inserts the new speakers, updates the changed ones (renumbering each) and inserts the new aliases.</summary>
    private async Task SaveAsync(IReadOnlyCollection<KnownSpeaker> speakers, DateTime now, CancellationToken ct)
    {
        foreach (var speaker in speakers.Where(s => s.IsNew))
        {
            db.Speakers.Add(new Speaker
            {
                Id = speaker.Id, Name = speaker.Name, Entity = (short)AttributionMapper.ToProto(speaker.Entity),
                BlockKey = speaker.BlockKey, ContextTerms = [.. speaker.Context], CreatedAt = now, UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);

        var changed = speakers.Where(s => !s.IsNew && (s.Changed || s.NewAliases.Count > 0)).ToList();
        if (changed.Count > 0)
        {
            Guid[] ids = [.. changed.Select(s => s.Id)];
            string[] names = [.. changed.Select(s => s.Name)];
            string[] keys = [.. changed.Select(s => s.BlockKey)];
            string[] contexts = [.. changed.Select(s => string.Join(ContextSeparator, s.Context))];
            await db.Database.ExecuteSqlAsync($"""
                UPDATE analysis.speakers s
                SET name = u.name, block_key = u.block_key, context_terms = string_to_array(u.context, chr(31)), updated_at = {now},
                    change_seq = nextval('analysis.speaker_changes')
                FROM unnest({ids}, {names}, {keys}, {contexts}) AS u(id, name, block_key, context)
                WHERE s.id = u.id
                """, ct);
        }

        var aliases = speakers.SelectMany(s => s.NewAliases.Select(a => (s.Id, Alias: a))).ToList();
        if (aliases.Count > 0)
        {
            Guid[] ids = [.. aliases.Select(a => a.Id)];
            string[] names = [.. aliases.Select(a => a.Alias)];
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO analysis.speaker_aliases (speaker_id, alias, first_seen_at)
                SELECT a.id, a.alias, {now} FROM unnest({ids}, {names}) AS a(id, alias)
                """, ct);
        }
    }
}
