using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Analysis.Data;
using Sourcing.Analysis.Engine;
using Sourcing.Contracts.V1;

namespace Sourcing.Analysis.Reanalysis;

/// <summary>
/// Runs reanalysis jobs in the background. A worker claims a running job whose lease is free (SKIP LOCKED, so
/// replicas share jobs), walks its articles in article id order from the job's cursor in batches, stores each
/// article's new result through the same path as AnalyzeArticle (one transaction per article, so readers keep
/// the previous result until the new one is complete), and saves the cursor and counts after each batch. A
/// crashed worker's lease runs out and another resumes from the cursor; an article already analyzed by the
/// job's engine version is skipped, so resuming repeats no work.
/// </summary>
public sealed partial class ReanalysisWorker(
    IServiceScopeFactory scopes,
    ReanalysisSignal signal,
    TimeProvider time,
    IOptions<AnalysisOptions> options,
    ILogger<ReanalysisWorker> logger) : BackgroundService
{
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOneBatchAsync(stoppingToken))
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                LogRoundFailed(logger, e);
            }
            try
            {
                await signal.WaitAsync(options.Value.ReanalysisPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Claims a job and does one batch of it; false when there was no job to work on.</summary>
    public async Task<bool> RunOneBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AnalysisDbContext>();
        var engine = scope.ServiceProvider.GetRequiredService<AttributionRunner>();
        var store = scope.ServiceProvider.GetRequiredService<AnalysisStore>();
        var now = time.GetUtcNow().UtcDateTime;
        var leaseUntil = now + options.Value.ReanalysisLease;
        var running = (short)ReanalysisState.Running;
        var job = (await db.ReanalysisJobs.FromSql($"""
            UPDATE analysis.reanalysis_jobs SET lease_owner = {_owner}, lease_until = {leaseUntil}
            WHERE id = (SELECT id FROM analysis.reanalysis_jobs
                        WHERE state = {running} AND (lease_until IS NULL OR lease_until < {now} OR lease_owner = {_owner})
                        ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING *
            """).AsNoTracking().ToListAsync(ct)).SingleOrDefault();
        if (job is null)
        {
            return false;
        }

        var batch = await ReanalysisJobs.Matching(db, job.Outlet, job.PublishedFrom, job.PublishedTo)
            .Where(t => job.CursorArticleId == null || t.ArticleId > job.CursorArticleId)
            .Take(options.Value.ReanalysisBatchSize)
            .ToListAsync(ct);
        var ids = batch.Select(t => t.ArticleId).ToList();
        var current = await db.Analyses.AsNoTracking().Where(a => ids.Contains(a.ArticleId)).ToDictionaryAsync(a => a.ArticleId, a => a.EngineVersion, ct);
        int reanalyzed = 0, skipped = 0, failed = 0;
        string? lastError = null;
        foreach (var text in batch)
        {
            if (current.GetValueOrDefault(text.ArticleId) == job.EngineVersion)
            {
                skipped++;
                continue;
            }
            try
            {
                var found = engine.Analyze(text.Text);
                await store.StoreAsync(new ArticleInput(text.ArticleId, text.Text, text.Outlet, text.Title, text.PublishedAt), found, engine.Version, ct);
                reanalyzed++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failed++;
                lastError = $"{text.ArticleId}: {e.Message}";
                LogArticleFailed(logger, text.ArticleId, job.Id, e);
            }
        }

        var done = batch.Count < options.Value.ReanalysisBatchSize;
        var cursor = batch.Count > 0 ? batch[^1].ArticleId : job.CursorArticleId;
        var updated = time.GetUtcNow().UtcDateTime;
        await db.ReanalysisJobs.Where(j => j.Id == job.Id && j.LeaseOwner == _owner).ExecuteUpdateAsync(u => u
            .SetProperty(j => j.CursorArticleId, cursor)
            .SetProperty(j => j.ProcessedCount, j => j.ProcessedCount + batch.Count)
            .SetProperty(j => j.ReanalyzedCount, j => j.ReanalyzedCount + reanalyzed)
            .SetProperty(j => j.SkippedCount, j => j.SkippedCount + skipped)
            .SetProperty(j => j.FailedCount, j => j.FailedCount + failed)
            .SetProperty(j => j.LastError, j => lastError ?? j.LastError)
            .SetProperty(j => j.UpdatedAt, updated)
            .SetProperty(j => j.State, j => done ? (short)ReanalysisState.Completed : j.State)
            .SetProperty(j => j.CompletedAt, j => done ? updated : j.CompletedAt)
            .SetProperty(j => j.LeaseUntil, j => done ? null : j.LeaseUntil), ct);
        if (done)
        {
            LogCompleted(logger, job.Id, job.ProcessedCount + batch.Count);
        }
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A reanalysis round failed; retrying after the poll interval")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reanalysis of article {ArticleId} (job {JobId}) failed; its previous result stays current")]
    private static partial void LogArticleFailed(ILogger logger, Guid articleId, Guid jobId, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reanalysis job {JobId} completed: {Processed} articles processed")]
    private static partial void LogCompleted(ILogger logger, Guid jobId, int processed);
}
