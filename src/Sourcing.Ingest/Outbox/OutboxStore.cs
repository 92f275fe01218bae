using Microsoft.EntityFrameworkCore;
using Sourcing.Data;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Outbox;

/// <summary>
/// The outbox's state changes. Claims use <c>FOR UPDATE SKIP LOCKED</c> and a lease, so replicas
/// share the work and a replica that dies mid-call loses its rows to the others.
/// </summary>
public sealed class OutboxStore(IngestDbContext db)
{
    public async Task<List<ClaimedMessage>> ClaimAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken)
    {
        var claimed = await db.Database.SqlQuery<ClaimedMessage>($"""
            WITH next AS (
                SELECT id FROM ingest.outbox
                WHERE available_at <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED)
            UPDATE ingest.outbox AS o
            SET locked_until = now() + {lease}, attempts = o.attempts + 1
            FROM next WHERE o.id = next.id
            RETURNING o.id AS "Id", o.article_id AS "ArticleId", o.attempts AS "Attempts", o.trace_parent AS "TraceParent"
            """).ToListAsync(cancellationToken);
        if (claimed.Count > 0)
        {
            var ids = claimed.Select(c => c.ArticleId).ToList();
            await db.Articles.Where(a => ids.Contains(a.Id)).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.State, PipelineState.Analyzing)
                .SetProperty(a => a.Attempts, a => a.Attempts + 1), cancellationToken);
        }
        return claimed;
    }

    public async Task CompleteAsync(ClaimedMessage message, DateTime now, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async ct =>
        {
            await db.Outbox.Where(o => o.Id == message.Id).ExecuteDeleteAsync(ct);
            await db.Articles.Where(a => a.Id == message.ArticleId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.State, PipelineState.Analyzed)
                .SetProperty(a => a.AnalyzedAt, now)
                .SetProperty(a => a.LastError, (string?)null), ct);
        }, cancellationToken);
    }

    public async Task RetryLaterAsync(ClaimedMessage message, DateTime availableAt, string error, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async ct =>
        {
            await db.Outbox.Where(o => o.Id == message.Id).ExecuteUpdateAsync(s => s
                .SetProperty(o => o.AvailableAt, availableAt)
                .SetProperty(o => o.LockedUntil, (DateTime?)null)
                .SetProperty(o => o.LastError, error), ct);
            await db.Articles.Where(a => a.Id == message.ArticleId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.State, PipelineState.Queued)
                .SetProperty(a => a.LastError, error), ct);
        }, cancellationToken);
    }

    public async Task ParkAsync(ClaimedMessage message, string error, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async ct =>
        {
            await db.Outbox.Where(o => o.Id == message.Id).ExecuteDeleteAsync(ct);
            await db.Articles.Where(a => a.Id == message.ArticleId).ExecuteUpdateAsync(s => s
                .SetProperty(a => a.State, PipelineState.Failed)
                .SetProperty(a => a.LastError, error), ct);
        }, cancellationToken);
    }

    public Task<ArticleForAnalysis?> LoadArticleAsync(Guid articleId, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Id == articleId)
            .Select(a => new ArticleForAnalysis(a.Id, a.Text, a.Outlet, a.Title, a.PublishedAt))
            .FirstOrDefaultAsync(cancellationToken);
}
