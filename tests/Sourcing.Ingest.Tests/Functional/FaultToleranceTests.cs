using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Data;
using Sourcing.LocalPostgres;
using Sourcing.Testing;

namespace Sourcing.Ingest.Tests.Functional;

/// <summary>Nothing accepted is lost: not when analysis is down, not when PostgreSQL restarts, not with two dispatchers.</summary>
public sealed class FaultToleranceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    public async Task InitializeAsync()
    {
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, database.ConnectionString);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, database.ConnectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static Dictionary<string, string?> IngestSettings(int analysisPort, bool dispatch = true) => new()
    {
        ["services:analysis:http:0"] = $"http://127.0.0.1:{analysisPort}",
        ["Outbox:Enabled"] = dispatch ? "true" : "false",
        ["Outbox:InitialBackoff"] = "00:00:00.200",
        ["Outbox:MaxBackoff"] = "00:00:01",
        ["Outbox:PollInterval"] = "00:00:00.200",
        ["Outbox:MaxAttempts"] = "1000",
        ["Outbox:AnalyzeBatchSize"] = "64",
        ["Outbox:MaxConcurrency"] = "8",
    };

    private static List<IngestArticleRequest> Articles(int count, int seed) =>
        [.. SyntheticArticles.Generate(count, seed).Select(BulkClient.ToRequest)];

    [Fact]
    public async Task Dispatcher_AnalysisStoppedWhile1000ArticlesAreIngested_AllEndAnalyzedOnceItStarts()
    {
        var analysisPort = FreePort.Find();
        await using var ingest = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, IngestSettings(analysisPort));

        var responses = await BulkClient.IngestAsync(ingest, Articles(1000, seed: 11));
        var ids = responses.Select(r => Guid.Parse(r.Response.ArticleId)).ToArray();
        await Eventually.Until(() => Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM ingest.outbox WHERE article_id = ANY($1) AND attempts > 0", ids), n => n > 0, Patience, "failed attempts");
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString, grpcPort: analysisPort);
        var analyzed = await Eventually.Until(() => Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM ingest.articles WHERE id = ANY($1) AND state = 4", ids), n => n == 1000, Patience, "1000 analyzed");

        responses.ShouldAllBe(r => r.Response.Outcome == IngestOutcome.Created);
        analyzed.ShouldBe(1000);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(DISTINCT article_id) FROM analysis.article_analyses WHERE article_id = ANY($1)", ids))
            .ShouldBe(1000);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ingest.outbox WHERE article_id = ANY($1)", ids)).ShouldBe(0);
    }

    [Fact]
    public async Task Dispatcher_TwoReplicasShareOneBacklog_AnalyzeEachArticleExactlyOnce()
    {
        var counter = new AnalyzeCallCounter();
        await using var analysis = await StartCountedAnalysisAsync(counter);
        var ids = await QueueBacklogAsync(analysis, 400, seed: 22);

        await using var first = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, IngestSettings(analysis.GrpcAddress.Port));
        await using var second = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, IngestSettings(analysis.GrpcAddress.Port));
        await Eventually.Until(() => Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM ingest.articles WHERE id = ANY($1) AND state = 4", ids.ToArray()), n => n == ids.Count, Patience, "backlog analyzed");

        ids.ShouldAllBe(id => counter.Calls.GetValueOrDefault(id.ToString()) == 1);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT max(attempts) FROM ingest.articles WHERE id = ANY($1)", ids.ToArray())).ShouldBe(1);
    }

    [Fact]
    public async Task Dispatcher_BacklogOfManyCalls_KeepsMaxConcurrencyCallsInFlightAndNoMore()
    {
        var counter = new AnalyzeCallCounter();
        await using var analysis = await StartCountedAnalysisAsync(counter);
        var ids = await QueueBacklogAsync(analysis, 240, seed: 23);

        var settings = IngestSettings(analysis.GrpcAddress.Port);
        settings["Outbox:AnalyzeBatchSize"] = "8";
        settings["Outbox:MaxConcurrency"] = "3";
        await using var ingest = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, settings);
        await Eventually.Until(() => Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM ingest.articles WHERE id = ANY($1) AND state = 4", ids.ToArray()), n => n == ids.Count, Patience, "backlog analyzed");

        // 30 calls of 8: each next one is claimed as soon as a call ends, so three are in flight, never four.
        counter.MostInFlight.ShouldBe(3);
        ids.ShouldAllBe(id => counter.Calls.GetValueOrDefault(id.ToString()) == 1);
    }

    private Task<ServiceHost> StartCountedAnalysisAsync(AnalyzeCallCounter counter) =>
        ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString, configure: builder =>
        {
            builder.Services.AddSingleton(counter);
            builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<AnalyzeCallCounter>());
        });

    /// <summary>Ingests <paramref name="count"/> articles through a replica that does not dispatch: a backlog for the replicas under test.</summary>
    private async Task<List<Guid>> QueueBacklogAsync(ServiceHost analysis, int count, int seed)
    {
        await using var intake = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, IngestSettings(analysis.GrpcAddress.Port, dispatch: false));
        var responses = await BulkClient.IngestAsync(intake, Articles(count, seed));
        return [.. responses.Select(r => Guid.Parse(r.Response.ArticleId))];
    }
}
