using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analysis.Data;
using Sourcing.Analysis.Engine;
using Sourcing.Attribution;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Analysis.Tests.Functional;

public sealed class ReanalysisTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private const string Text = "The dam will be drained in May.\n\n\u201CWe have no other choice,\u201D Mayor Ilse Varga said on Monday.";

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(20);

    /// <summary>The same engine under a newer version: what a deployment of a new engine looks like to stored results.</summary>
    private sealed class NextVersion() : AttributionRunner(AttributionEngine.Default)
    {
        public override string Version => "next-version";
    }

    private static readonly Dictionary<string, string?> QuickWorker = new()
    {
        ["Analysis:ReanalysisPollInterval"] = "00:00:00.100",
        ["Analysis:ReanalysisBatchSize"] = "2",
    };

    public Task InitializeAsync() => ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, database.ConnectionString);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reanalyze_ByOutlet_NewVersionCurrentForThatOutletOnlyAndOldRecordKept()
    {
        var (ledger, courier) = (await StoreAsync("Reanalyze Ledger", 3), await StoreAsync("Reanalyze Courier", 2));
        await using var next = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString, QuickWorker,
            configure: b => b.Services.AddSingleton<AttributionRunner, NextVersion>());
        var client = new AnalysisService.AnalysisServiceClient(next.Channel);

        var started = await client.ReanalyzeAsync(new ReanalyzeRequest { Outlet = "Reanalyze Ledger", RequestId = "r-1" }, deadline: Deadline);
        var repeated = await client.ReanalyzeAsync(new ReanalyzeRequest { Outlet = "Reanalyze Ledger", RequestId = "r-1" }, deadline: Deadline);
        var job = await CompletedAsync(client, started.Job.JobId);

        repeated.Job.JobId.ShouldBe(started.Job.JobId);
        job.EngineVersion.ShouldBe("next-version");
        (job.TotalArticleCount, job.ProcessedArticleCount, job.ReanalyzedArticleCount, job.FailedArticleCount).ShouldBe((3, 3, 3, 0));
        job.CompleteTime.ShouldNotBeNull();
        foreach (var id in ledger)
        {
            (await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT engine_version FROM analysis.article_analyses WHERE article_id = $1", id)).ShouldBe("next-version");
            (await Sql.ScalarAsync<long>(database.ConnectionString,
                "SELECT count(*) FROM analysis.attributions r JOIN analysis.article_analyses a USING (article_id) WHERE article_id = $1 AND r.analysis_id = a.analysis_id AND r.engine_version = 'next-version'", id))
                .ShouldBeGreaterThan(0);
            (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM analysis.analyses WHERE article_id = $1", id)).ShouldBe(2);
        }
        foreach (var id in courier)
        {
            (await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT engine_version FROM analysis.article_analyses WHERE article_id = $1", id)).ShouldBe(AttributionEngine.Version);
        }
    }

    [Fact]
    public async Task Worker_JobWithCursor_ResumesAfterItAndSkipsCurrentArticles()
    {
        var ids = (await StoreAsync("Resume Gazette", 4)).Order().ToList();
        await using var next = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString, QuickWorker,
            configure: b => b.Services.AddSingleton<AttributionRunner, NextVersion>());
        var client = new AnalysisService.AnalysisServiceClient(next.Channel);
        // A job a crashed worker left behind after its first article (its lease long expired).
        var jobId = Guid.CreateVersion7();
        await Sql.ScalarAsync<int>(database.ConnectionString, """
            INSERT INTO analysis.reanalysis_jobs (id, outlet, engine_version, state, total_count, processed_count, reanalyzed_count,
                skipped_count, failed_count, cursor_article_id, lease_owner, lease_until, created_at, updated_at)
            VALUES ($1, 'Resume Gazette', 'next-version', 1, 4, 1, 1, 0, 0, $2, 'crashed', now() - interval '1 hour', now(), now())
            RETURNING 1
            """, jobId, ids[0]);

        var job = await CompletedAsync(client, jobId.ToString());

        (job.ProcessedArticleCount, job.ReanalyzedArticleCount).ShouldBe((4, 4));
        (await Sql.ScalarAsync<string>(database.ConnectionString, "SELECT engine_version FROM analysis.article_analyses WHERE article_id = $1", ids[0]))
            .ShouldBe(AttributionEngine.Version);
        (await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM analysis.article_analyses WHERE article_id = ANY($1) AND engine_version = 'next-version'", ids.ToArray())).ShouldBe(3);

        var again = await client.ReanalyzeAsync(new ReanalyzeRequest { Outlet = "Resume Gazette" }, deadline: Deadline);
        var second = await CompletedAsync(client, again.Job.JobId);
        (second.ReanalyzedArticleCount, second.SkippedArticleCount).ShouldBe((1, 3));
    }

    [Fact]
    public async Task Reanalyze_NoFilterAndBadRange_InvalidArgument()
    {
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString);
        var client = new AnalysisService.AnalysisServiceClient(analysis.Channel);
        var now = Timestamp.FromDateTime(DateTime.UtcNow);

        var noFilter = await Should.ThrowAsync<RpcException>(() => client.ReanalyzeAsync(new ReanalyzeRequest(), deadline: Deadline).ResponseAsync);
        var badRange = await Should.ThrowAsync<RpcException>(() => client.ReanalyzeAsync(
            new ReanalyzeRequest { PublishStartTime = now, PublishEndTime = now }, deadline: Deadline).ResponseAsync);
        var missing = await Should.ThrowAsync<RpcException>(() => client.GetReanalysisAsync(
            new GetReanalysisRequest { JobId = Guid.NewGuid().ToString() }, deadline: Deadline).ResponseAsync);

        noFilter.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        badRange.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        missing.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    private async Task<List<Guid>> StoreAsync(string outlet, int count)
    {
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString);
        var client = new AnalysisService.AnalysisServiceClient(analysis.Channel);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.CreateVersion7()).ToList();
        foreach (var id in ids)
        {
            await client.AnalyzeArticleAsync(new AnalyzeArticleRequest { ArticleId = id.ToString(), Text = Text, Outlet = outlet }, deadline: Deadline);
        }
        return ids;
    }

    private static Task<Contracts.V1.ReanalysisJob> CompletedAsync(AnalysisService.AnalysisServiceClient client, string jobId) =>
        Eventually.Until(
            async () => (await client.GetReanalysisAsync(new GetReanalysisRequest { JobId = jobId }, deadline: Deadline)).Job,
            j => j.State == ReanalysisState.Completed, TimeSpan.FromSeconds(30), $"reanalysis job {jobId} to complete");
}
