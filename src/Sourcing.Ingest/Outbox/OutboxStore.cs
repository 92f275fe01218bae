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
    /// <summary>
    /// Claims up to <paramref name="batchSize"/> due rows and loads their articles, in one statement. Only the outbox
    /// row changes: its lease is what shows the article as analyzing (<see cref="ArticleProgress"/>).
    /// </summary>
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
                RETURNING o.id, o.article_id, o.attempts, o.trace_parent)
            SELECT c.id AS "Id", c.article_id AS "ArticleId", c.attempts AS "Attempts", c.trace_parent AS "TraceParent",
                   a.text AS "Text", a.outlet AS "Outlet", a.title AS "Title", a.published_at AS "PublishedAt"
            FROM claimed c JOIN ingest.articles a ON a.id = c.article_id
            ORDER BY c.id
            """).ToListAsync(cancellationToken);

    /// <summary>Removes the rows and marks their articles analyzed with the attempts they took, in one statement (so atomically).</summary>
    public async Task CompleteAsync(IReadOnlyCollection<ClaimedMessage> messages, DateTime now, CancellationToken cancellationToken)
    {
        if (messages.Count == 0)
        {
            return;
        }
        long[] ids = [.. messages.Select(m => m.Id)];
        await db.Database.ExecuteSqlAsync($"""
            WITH done AS (DELETE FROM ingest.outbox WHERE id = ANY({ids}) RETURNING article_id, attempts)
            UPDATE ingest.articles a SET state = {(short)PipelineState.Analyzed}, analyzed_at = {now}, attempts = done.attempts, last_error = NULL
            FROM done WHERE a.id = done.article_id
            """, cancellationToken);
    }

    /// <summary>Leaves the row for a later claim, with the error that made this one fail.</summary>
    public Task RetryLaterAsync(ClaimedMessage message, DateTime availableAt, string error, CancellationToken cancellationToken) =>
        db.Outbox.Where(o => o.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(o => o.AvailableAt, availableAt)
            .SetProperty(o => o.LockedUntil, (DateTime?)null)
            .SetProperty(o => o.LastError, error), cancellationToken);

    /// <summary>Removes the row and marks its article failed with its attempts and last error, in one statement.</summary>
    public async Task ParkAsync(ClaimedMessage message, string error, CancellationToken cancellationToken)
    {
        await db.Database.ExecuteSqlAsync($"""
            WITH parked AS (DELETE FROM ingest.outbox WHERE id = {message.Id} RETURNING article_id, attempts)
            UPDATE ingest.articles a SET state = {(short)PipelineState.Failed}, attempts = parked.attempts, last_error = {error}
            FROM parked WHERE a.id = parked.article_id
            """, cancellationToken);
    }
}
