using Microsoft.EntityFrameworkCore;
using Sourcing.Analysis.Grpc;
using Sourcing.Analysis.Speakers;
using Sourcing.Analysis.Stories;
using Sourcing.Attribution;
using Sourcing.Data;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Stores an article's analysis by one engine version atomically: its text, its speakers resolved to entities,
/// its anonymous sources, its story, a new analysis record with its attributions, and the article's current
/// pointer switched to it, in one transaction. Readers see the old result or the new one, never half of either.
/// Analyses of one article are serialized by an advisory lock on the article; the corpus-wide part (speakers,
/// stories) by a second lock, taken after it.
/// </summary>
public sealed class AnalysisStore(AnalysisDbContext db, SpeakerStore speakers, StoryStore stories, TimeProvider time)
{
    /// <summary>A speaker's context: the article's heaviest terms.</summary>
    public const int ContextTerms = 30;

    public async Task<StoredAnalysis> StoreAsync(ArticleInput article, IReadOnlyList<DetectedAttribution> found, string engineVersion, CancellationToken cancellationToken)
    {
        StoredAnalysis? result = null;
        // The article's own terms and mentions need no lock: worked out before the corpus lock is taken,
        // so that only the corpus-wide steps (speakers, story) run one article at a time.
        var signature = TermExtractor.Extract(article.Text, found.Where(a => a.Sourcing == SourcingKind.Named).Select(a => a.Speaker));
        var mentions = ArticleMentions.Named(article.Text, found, signature.Top(ContextTerms).ToHashSet(StringComparer.Ordinal));
        await db.InTransactionAsync(async ct =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({article.ArticleId.ToString()}, 0))", ct);
            await SaveTextAsync(article, now, ct);
            var storyTime = article.PublishedAt ?? await db.Texts.Where(t => t.ArticleId == article.ArticleId).Select(t => t.ReceivedAt).SingleAsync(ct);
            await db.Attributions.Where(a => a.ArticleId == article.ArticleId).ExecuteDeleteAsync(ct);
            await db.AnonymousSources.Where(a => a.ArticleId == article.ArticleId).ExecuteDeleteAsync(ct);
            await db.Runs.Where(r => r.ArticleId == article.ArticleId && r.EngineVersion == engineVersion).ExecuteDeleteAsync(ct);

            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended('analysis:corpus', 0))", ct);
            var speakerIds = await speakers.ResolveAsync(mentions, ct);
            var storyId = await stories.AssignAsync(article.ArticleId, storyTime, article.Title, signature, ct);

            var anonymousCount = found.Count(a => a.Sourcing == SourcingKind.Anonymous);
            var run = new AnalysisRun
            {
                Id = Guid.CreateVersion7(), ArticleId = article.ArticleId, EngineVersion = engineVersion, AnalyzedAt = now,
                AttributionCount = found.Count, AnonymousCount = anonymousCount,
            };
            db.Runs.Add(run);
            var anonymous = AnonymousSources(article, run.Id, found);
            db.AnonymousSources.AddRange(anonymous.Values);
            await SwitchCurrentAsync(article, run, ct);
            db.Attributions.AddRange(found.Select((a, i) => AttributionMapper.ToStored(a, article.Text, article.ArticleId, i, engineVersion,
                run.Id,
                a.Sourcing == SourcingKind.Named && speakerIds.TryGetValue((a.Speaker, a.Entity), out var s) ? s : null,
                a.Sourcing == SourcingKind.Anonymous ? anonymous[a.Speaker].Id : null)));
            await db.SaveChangesAsync(ct);
            // Delivered on commit only: wakes the query service's WatchAnalyses.
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify('sourcing_analyses', {article.ArticleId.ToString()})", ct);
            result = new StoredAnalysis(run.Id, storyId, found.Count, anonymousCount);
        }, cancellationToken);
        db.ChangeTracker.Clear();
        return result!;
    }

    private async Task SaveTextAsync(ArticleInput article, DateTime now, CancellationToken ct) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analysis.article_texts (article_id, text, outlet, title, published_at, received_at)
            VALUES ({article.ArticleId}, {article.Text}, {article.Outlet}, {article.Title}, {article.PublishedAt}, {now})
            ON CONFLICT (article_id) DO UPDATE SET text = EXCLUDED.text, outlet = EXCLUDED.outlet, title = EXCLUDED.title,
                published_at = EXCLUDED.published_at
            """, ct);

    private async Task SwitchCurrentAsync(ArticleInput article, AnalysisRun run, CancellationToken ct)
    {
        var current = await db.Analyses.SingleOrDefaultAsync(a => a.ArticleId == article.ArticleId, ct);
        if (current is null)
        {
            current = new ArticleAnalysis { ArticleId = article.ArticleId, EngineVersion = run.EngineVersion };
            db.Analyses.Add(current);
        }
        current.AnalysisId = run.Id;
        current.EngineVersion = run.EngineVersion;
        current.AnalyzedAt = run.AnalyzedAt;
        current.Outlet = article.Outlet;
        current.Title = article.Title;
        current.PublishedAt = article.PublishedAt;
        current.AttributionCount = run.AttributionCount;
        current.AnonymousCount = run.AnonymousCount;
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
