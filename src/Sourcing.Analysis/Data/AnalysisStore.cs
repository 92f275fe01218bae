using Microsoft.EntityFrameworkCore;
using Sourcing.Analysis.Grpc;
using Sourcing.Analysis.Speakers;
using Sourcing.Analysis.Stories;
using Sourcing.Attribution;
using Sourcing.Data;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Stores articles' analyses by one engine version atomically: their texts, their speakers resolved to entities,
/// their anonymous sources, their stories, a new analysis record each with its attributions, and each article's
/// current pointer switched to it, in one transaction. Readers see an old result or the new one, never half of
/// either. Analyses of one article are serialized by an advisory lock on the article; the corpus-wide part
/// (speakers, stories) by a second lock, taken after it, once per batch: a batch of articles pays for the lock
/// and the round trips once.
/// </summary>
public sealed class AnalysisStore(AnalysisDbContext db, SpeakerStore speakers, StoryStore stories, TimeProvider time)
{
    /// <summary>A speaker's context: the article's heaviest terms.</summary>
    public const int ContextTerms = 30;

    public async Task<StoredAnalysis> StoreAsync(ArticleInput article, IReadOnlyList<DetectedAttribution> found, string engineVersion, CancellationToken cancellationToken) =>
        (await StoreAsync([new ArticleToStore(article, found)], engineVersion, cancellationToken))[0];

    /// <summary>Stores a batch of distinct articles; the results are in the batch's order.</summary>
    public async Task<IReadOnlyList<StoredAnalysis>> StoreAsync(IReadOnlyList<ArticleToStore> batch, string engineVersion, CancellationToken cancellationToken)
    {
        if (batch.Select(a => a.Article.ArticleId).Distinct().Count() != batch.Count)
        {
            throw new ArgumentException("A batch holds each article once.", nameof(batch));
        }
        // The articles' own terms and mentions need no lock: worked out before the corpus lock is taken,
        // so that only the corpus-wide steps (speakers, stories) run one batch at a time.
        var signatures = batch.Select(a => TermExtractor.Extract(a.Article.Text, a.Found.Where(f => f.Sourcing == SourcingKind.Named).Select(f => f.Speaker))).ToList();
        var mentions = batch.Select((a, i) => ArticleMentions.Named(a.Article.Text, a.Found, signatures[i].Top(ContextTerms).ToHashSet(StringComparer.Ordinal))).ToList();
        IReadOnlyList<StoredAnalysis> results = [];
        await db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            Guid[] ids = [.. batch.Select(a => a.Article.ArticleId)];
            var articleTexts = new ArticleTexts(db);
            await articleTexts.LockAsync(ids, ct);
            var (receivedAt, storedBefore) = await articleTexts.SaveAsync(batch.Select(a => a.Article).ToList(), now, ct);
            if (storedBefore.Length > 0)
            {
                await db.Attributions.Where(a => storedBefore.Contains(a.ArticleId)).ExecuteDeleteAsync(ct);
                await db.AnonymousSources.Where(a => storedBefore.Contains(a.ArticleId)).ExecuteDeleteAsync(ct);
                await db.Runs.Where(r => storedBefore.Contains(r.ArticleId) && r.EngineVersion == engineVersion).ExecuteDeleteAsync(ct);
            }

            StoryInput[] storyInputs = [.. batch.Select((a, i) =>
                new StoryInput(a.Article.ArticleId, a.Article.PublishedAt ?? receivedAt[a.Article.ArticleId], a.Article.Title, signatures[i]))];
            // Read while another batch may hold the corpus lock; brought up to date under it.
            var storedSpeakers = await speakers.ReadAsync(mentions, ct);
            var candidates = await stories.ReadCandidatesAsync(storyInputs, ct);

            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('analysis:corpus', 0))", ct);
            var speakerIds = await speakers.ResolveAsync(mentions, storedSpeakers, ct);
            var storyIds = await stories.AssignAsync(storyInputs, candidates, ct);

            var rows = new BatchRows();
            results = [.. batch.Select((a, i) => Add(a, engineVersion, now, speakerIds[i], storyIds[i], rows))];
            await AnalysisRows.WriteAsync(db, rows.Runs, rows.Anonymous, rows.Current, ct);
            await AttributionCopy.WriteAsync(db, rows.Attributions, ct);
            // Delivered on commit only: wakes the query service's WatchAnalyses.
            string[] notified = [.. ids.Select(id => id.ToString())];
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify('sourcing_analyses', id) FROM unnest({notified}) AS id", ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        return results;
    }

    /// <summary>Collects one article's new analysis record, its anonymous sources, its current pointer and its attributions.</summary>
    private static StoredAnalysis Add(
        ArticleToStore item, string engineVersion, DateTime now, Dictionary<(string, EntityKind), Guid> speakerIds, Guid storyId, BatchRows rows)
    {
        var (article, found) = (item.Article, item.Found);
        var anonymousCount = found.Count(a => a.Sourcing == SourcingKind.Anonymous);
        var run = new AnalysisRun
        {
            Id = Guid.CreateVersion7(), ArticleId = article.ArticleId, EngineVersion = engineVersion, AnalyzedAt = now,
            AttributionCount = found.Count, AnonymousCount = anonymousCount,
        };
        rows.Runs.Add(run);
        var anonymous = AnonymousSources(article, run.Id, found);
        rows.Anonymous.AddRange(anonymous.Values);
        rows.Current.Add(new ArticleAnalysis
        {
            ArticleId = article.ArticleId, AnalysisId = run.Id, EngineVersion = engineVersion, AnalyzedAt = now, Outlet = article.Outlet,
            Title = article.Title, PublishedAt = article.PublishedAt, AttributionCount = run.AttributionCount, AnonymousCount = anonymousCount,
        });
        rows.Attributions.AddRange(found.Select((a, i) => AttributionMapper.ToStored(a, article.Text, article.ArticleId, i, engineVersion,
            run.Id,
            a.Sourcing == SourcingKind.Named && speakerIds.TryGetValue((a.Speaker, a.Entity), out var s) ? s : null,
            a.Sourcing == SourcingKind.Anonymous ? anonymous[a.Speaker].Id : null)));
        return new StoredAnalysis(run.Id, storyId, found.Count, anonymousCount);
    }

    private sealed class BatchRows
    {
        public List<AnalysisRun> Runs { get; } = [];
        public List<AnonymousSource> Anonymous { get; } = [];
        public List<ArticleAnalysis> Current { get; } = [];
        public List<StoredAttribution> Attributions { get; } = [];
    }

    private static Dictionary<string, AnonymousSource> AnonymousSources(ArticleInput article, Guid analysisId, IReadOnlyList<DetectedAttribution> found) =>
        found.Where(a => a.Sourcing == SourcingKind.Anonymous)
            .GroupBy(a => a.Speaker, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new AnonymousSource
            {
                Id = Guid.CreateVersion7(),
                ArticleId = article.ArticleId,
                AnalysisId = analysisId,
                Descriptor = g.Key,
                NormalizedDescriptor = AnonymousDescriptor.Normalize(g.Key),
                Entity = (short)AttributionMapper.ToProto(g.First().Entity),
                AnonymityReason = g.Select(a => a.AnonymityReason?.Of(article.Text)).FirstOrDefault(r => r is not null),
                AttributionCount = g.Count(),
            }, StringComparer.Ordinal);
}
