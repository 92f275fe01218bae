using Microsoft.EntityFrameworkCore;
using Sourcing.Analysis.Data;
using Sourcing.Analysis.Engine;
using Sourcing.Contracts.V1;

namespace Sourcing.Analysis.Reanalysis;

/// <summary>Creates and reads reanalysis jobs.</summary>
public sealed class ReanalysisJobs(AnalysisDbContext db, AttributionRunner engine, TimeProvider time, ReanalysisSignal signal)
{
    public sealed record Filter(string? Outlet, DateTime? PublishedFrom, DateTime? PublishedTo);

    public async Task<Data.ReanalysisJob> StartAsync(Filter filter, string? requestId, CancellationToken ct)
    {
        if (requestId is not null && await db.ReanalysisJobs.AsNoTracking().SingleOrDefaultAsync(j => j.RequestId == requestId, ct) is { } earlier)
        {
            return earlier;
        }
        var now = time.GetUtcNow().UtcDateTime;
        var job = new Data.ReanalysisJob
        {
            Id = Guid.CreateVersion7(),
            RequestId = requestId,
            Outlet = filter.Outlet,
            PublishedFrom = filter.PublishedFrom,
            PublishedTo = filter.PublishedTo,
            EngineVersion = engine.Version,
            State = (short)ReanalysisState.Running,
            TotalCount = await Matching(db, filter.Outlet, filter.PublishedFrom, filter.PublishedTo).CountAsync(ct),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ReanalysisJobs.Add(job);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (requestId is not null)
        {
            // The same request raced in: answer with the job it created.
            db.ChangeTracker.Clear();
            return await db.ReanalysisJobs.AsNoTracking().SingleAsync(j => j.RequestId == requestId, ct);
        }
        signal.Notify();
        return job;
    }

    public Task<Data.ReanalysisJob?> FindAsync(Guid id, CancellationToken ct) =>
        db.ReanalysisJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);

    /// <summary>The stored articles a job covers, in the order it walks them.</summary>
    public static IQueryable<ArticleText> Matching(AnalysisDbContext db, string? outlet, DateTime? from, DateTime? to)
    {
        var texts = db.Texts.AsNoTracking();
        if (outlet is not null)
        {
            texts = texts.Where(t => t.Outlet == outlet);
        }
        if (from is not null)
        {
            texts = texts.Where(t => t.PublishedAt >= from);
        }
        if (to is not null)
        {
            texts = texts.Where(t => t.PublishedAt < to);
        }
        return texts.OrderBy(t => t.ArticleId);
    }
}
