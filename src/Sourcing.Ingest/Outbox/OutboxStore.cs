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
    /// <summary>Claims up to <paramref name="batchSize"/> due rows, marks their articles as analyzing and loads them, in one statement.</summary>
    public Task<List<ClaimedMessage>> ClaimAsync(int batchSize, TimeSpan lease, CancellationToken cancellationToken) =>
        db.Database.SqlQuery<ClaimedMessage>($"""
            WITH next AS (
                SELECT id FROM ingest.outbox
                WHERE available_at <= now() AND (locked_until IS NULL OR locked_until < now())
                ORDER BY id
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE ingest.outbox AS o
                SET locked_until = now() + {lease}, attempts = o.attempts + 1
                FROM next WHERE o.id = next.id
                RETURNING o.id, o.article_id, o.attempts, o.trace_parent),
            marked AS (
                UPDATE ingest.articles AS a
                SET state = {(short)PipelineState.Analyzing}, attempts = a.attempts + 1
                FROM claimed WHERE a.id = claimed.article_id
                RETURNING a.id, a.text, a.outlet, a.title, a.published_at)
            SELECT c.id AS "Id", c.article_id AS "ArticleId", c.attempts AS "Attempts", c.trace_parent AS "TraceParent",
                   m.text AS "Text", m.outlet AS "Outlet", m.title AS "Title", m.published_at AS "PublishedAt"
            FROM claimed c JOIN marked m ON m.id = c.article_id
            ORDER BY c.id
            """).ToListAsync(cancellationToken);

    /// <summary>Removes the rows and marks their articles analyzed, in one statement (so atomically).</summary>
    public async Task CompleteAsync(IReadOnlyCollection<ClaimedMessage> messages, DateTime now, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        long[] ids = [.. messages.Select(m => m.Id)];
        Guid[] articleIds = [.. messages.Select(m => m.ArticleId)];
        await db.Database.ExecuteSqlAsync($"""
            WITH done AS (DELETE FROM ingest.outbox WHERE id = ANY({ids}))
            UPDATE ingest.articles SET state = {(short)PipelineState.Analyzed}, analyzed_at = {now}, last_error = NULL
            WHERE id = ANY({articleIds})
            """, cancellationToken);
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
}
