using Microsoft.EntityFrameworkCore;
using Sourcing.Data;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Replaces an article's stored analysis atomically: readers see the old result or the new one,
/// never half of either; concurrent analyses of one article are serialized.
/// </summary>
public sealed class AnalysisStore(AnalysisDbContext db)
{
    public async Task ReplaceAsync(ArticleAnalysis analysis, IReadOnlyList<StoredAttribution> attributions, CancellationToken cancellationToken)
    {
        await db.InTransactionAsync(async ct =>
        {
            await db.Database.ExecuteSqlAsync(
                $"SELECT pg_advisory_xact_lock(hashtextextended({analysis.ArticleId.ToString()}, 0))", ct);
            await db.Attributions.Where(a => a.ArticleId == analysis.ArticleId).ExecuteDeleteAsync(ct);
            await db.Analyses.Where(a => a.ArticleId == analysis.ArticleId).ExecuteDeleteAsync(ct);
            db.Analyses.Add(analysis);
            db.Attributions.AddRange(attributions);
            await db.SaveChangesAsync(ct);
            // Delivered on commit only: wakes the query service's WatchAnalyses (channel AnalysisNotifications.Channel there).
            await db.Database.ExecuteSqlAsync($"SELECT pg_notify('sourcing_analyses', {analysis.ArticleId.ToString()})", ct);
        }, cancellationToken);
        db.ChangeTracker.Clear();
    }
}
