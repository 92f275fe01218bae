using Microsoft.EntityFrameworkCore;

namespace Sourcing.Analysis.Data;

/// <summary>The per-article steps of storing analyses, for a whole batch in one statement each.</summary>
internal sealed class ArticleTexts(AnalysisDbContext db)
{
    /// <summary>Takes each article's advisory lock, in one order (so two batches never deadlock).</summary>
    public async Task LockAsync(Guid[] ids, CancellationToken ct)
    {
        string[] keys = [.. ids.Select(id => id.ToString())];
        await db.Database.ExecuteSqlAsync($"""
            SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(id, 0) AS k FROM unnest({keys}) AS id) l ORDER BY k
            """, ct);
    }

    /// <summary>
    /// Stores the texts (what a reanalysis reads) and returns when each article was first received, and which
    /// articles were stored before (only those can have an earlier analysis to replace).
    /// </summary>
    public async Task<(Dictionary<Guid, DateTime> ReceivedAt, Guid[] StoredBefore)> SaveAsync(IReadOnlyList<ArticleInput> articles, DateTime now, CancellationToken ct)
    {
        Guid[] ids = [.. articles.Select(a => a.ArticleId)];
        string[] texts = [.. articles.Select(a => a.Text)];
        string?[] outlets = [.. articles.Select(a => a.Outlet)];
        string?[] titles = [.. articles.Select(a => a.Title)];
        DateTime?[] published = [.. articles.Select(a => a.PublishedAt)];
        // The statement's CTEs share one snapshot: "earlier" sees the table as it was before the insert.
        var rows = await db.Database.SqlQuery<ReceivedRow>($"""
            WITH earlier AS (SELECT article_id FROM analysis.article_texts WHERE article_id = ANY({ids})),
            saved AS (
            INSERT INTO analysis.article_texts AS t (article_id, text, outlet, title, published_at, received_at)
            SELECT a.id, a.text, a.outlet, a.title, a.published_at, {now}
            FROM unnest({ids}, {texts}, {outlets}, {titles}, {published}) AS a(id, text, outlet, title, published_at)
            ON CONFLICT (article_id) DO UPDATE SET text = EXCLUDED.text, outlet = EXCLUDED.outlet, title = EXCLUDED.title,
                published_at = EXCLUDED.published_at
            RETURNING t.article_id, t.received_at)
            SELECT s.article_id AS "ArticleId", s.received_at AS "ReceivedAt", e.article_id IS NOT NULL AS "StoredBefore"
            FROM saved s LEFT JOIN earlier e ON e.article_id = s.article_id
            """).ToListAsync(ct);
        return (rows.ToDictionary(r => r.ArticleId, r => r.ReceivedAt), [.. rows.Where(r => r.StoredBefore).Select(r => r.ArticleId)]);
    }

    private sealed record ReceivedRow(Guid ArticleId, DateTime ReceivedAt, bool StoredBefore);
}
