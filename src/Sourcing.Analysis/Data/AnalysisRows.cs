using Microsoft.EntityFrameworkCore;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Writes a batch's analysis records, anonymous sources and current pointers in one statement each. One statement
/// per table matters beyond round trips: query's read models are kept by statement-level triggers on
/// <c>article_analyses</c>, which run once per statement, so row-by-row writes ran them once per article.
/// </summary>
internal static class AnalysisRows
{
    public static async Task WriteAsync(
        AnalysisDbContext db, IReadOnlyList<AnalysisRun> runs, IReadOnlyList<AnonymousSource> anonymous, IReadOnlyList<ArticleAnalysis> current,
        CancellationToken ct)
    {
        await InsertRunsAsync(db, runs, ct);
        await InsertAnonymousAsync(db, anonymous, ct);
        await UpsertCurrentAsync(db, current, ct);
    }

    private static async Task InsertRunsAsync(AnalysisDbContext db, IReadOnlyList<AnalysisRun> runs, CancellationToken ct)
    {
        Guid[] ids = [.. runs.Select(r => r.Id)];
        Guid[] articles = [.. runs.Select(r => r.ArticleId)];
        string[] versions = [.. runs.Select(r => r.EngineVersion)];
        DateTime[] times = [.. runs.Select(r => r.AnalyzedAt)];
        int[] attributions = [.. runs.Select(r => r.AttributionCount)];
        int[] anonymous = [.. runs.Select(r => r.AnonymousCount)];
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analysis.analyses (id, article_id, engine_version, analyzed_at, attribution_count, anonymous_count)
            SELECT * FROM unnest({ids}, {articles}, {versions}, {times}, {attributions}, {anonymous})
            """, ct);
    }

    private static async Task InsertAnonymousAsync(AnalysisDbContext db, IReadOnlyList<AnonymousSource> sources, CancellationToken ct)
    {
        if (sources.Count == 0)
        {
            return;
        }
        Guid[] ids = [.. sources.Select(s => s.Id)];
        Guid[] articles = [.. sources.Select(s => s.ArticleId)];
        Guid[] analyses = [.. sources.Select(s => s.AnalysisId)];
        string[] descriptors = [.. sources.Select(s => s.Descriptor)];
        string[] normalized = [.. sources.Select(s => s.NormalizedDescriptor)];
        short[] entities = [.. sources.Select(s => s.Entity)];
        string?[] reasons = [.. sources.Select(s => s.AnonymityReason)];
        int[] counts = [.. sources.Select(s => s.AttributionCount)];
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analysis.anonymous_sources
                (id, article_id, analysis_id, descriptor, normalized_descriptor, entity, anonymity_reason, attribution_count)
            SELECT * FROM unnest({ids}, {articles}, {analyses}, {descriptors}, {normalized}, {entities}, {reasons}, {counts})
            """, ct);
    }

    /// <summary>Inserts the pointers of articles analyzed for the first time and switches the others', in one statement.</summary>
    private static async Task UpsertCurrentAsync(AnalysisDbContext db, IReadOnlyList<ArticleAnalysis> current, CancellationToken ct)
    {
        Guid[] articles = [.. current.Select(c => c.ArticleId)];
        Guid[] analyses = [.. current.Select(c => c.AnalysisId)];
        string[] versions = [.. current.Select(c => c.EngineVersion)];
        DateTime[] times = [.. current.Select(c => c.AnalyzedAt)];
        string?[] outlets = [.. current.Select(c => c.Outlet)];
        string?[] titles = [.. current.Select(c => c.Title)];
        DateTime?[] published = [.. current.Select(c => c.PublishedAt)];
        int[] attributions = [.. current.Select(c => c.AttributionCount)];
        int[] anonymous = [.. current.Select(c => c.AnonymousCount)];
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analysis.article_analyses AS a
                (article_id, analysis_id, engine_version, analyzed_at, outlet, title, published_at, attribution_count, anonymous_count)
            SELECT * FROM unnest({articles}, {analyses}, {versions}, {times}, {outlets}, {titles}, {published}, {attributions}, {anonymous})
            ON CONFLICT (article_id) DO UPDATE SET
                analysis_id = EXCLUDED.analysis_id, engine_version = EXCLUDED.engine_version, analyzed_at = EXCLUDED.analyzed_at,
                outlet = EXCLUDED.outlet, title = EXCLUDED.title, published_at = EXCLUDED.published_at,
                attribution_count = EXCLUDED.attribution_count, anonymous_count = EXCLUDED.anonymous_count
            """, ct);
    }
}
