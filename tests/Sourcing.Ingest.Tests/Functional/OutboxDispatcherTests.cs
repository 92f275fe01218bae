using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Data;
using Sourcing.LocalPostgres;
using Sourcing.Testing;

namespace Sourcing.Ingest.Tests.Functional;

public sealed class OutboxDispatcherTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public async Task InitializeAsync()
    {
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, database.ConnectionString);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, database.ConnectionString);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<ServiceHost> StartIngestAsync(int analysisPort, int maxAttempts = 20) =>
        ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = $"http://127.0.0.1:{analysisPort}",
            ["Outbox:InitialBackoff"] = "00:00:00.100",
            ["Outbox:MaxBackoff"] = "00:00:00.500",
            ["Outbox:PollInterval"] = "00:00:00.100",
            ["Outbox:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    private static async Task<string> IngestAsync(ServiceHost ingest, string body)
    {
        var response = await new IngestService.IngestServiceClient(ingest.Channel).IngestArticleAsync(new IngestArticleRequest
        {
            Body = body,
            ContentType = ContentType.Text,
        }, deadline: DateTime.UtcNow.AddSeconds(20));
        return response.ArticleId;
    }

    private static Task<ArticleIngestStatus> StatusAsync(ServiceHost ingest, string id) =>
        new IngestService.IngestServiceClient(ingest.Channel)
            .GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { id } }, deadline: DateTime.UtcNow.AddSeconds(20))
            .ResponseAsync.ContinueWith(t => t.Result.Statuses.Single(), TaskScheduler.Default);

    [Fact]
    public async Task Dispatcher_AnalysisRunning_ArticleEndsAnalyzedWithStoredAttributions()
    {
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString);
        await using var ingest = await StartIngestAsync(analysis.GrpcAddress.Port);

        var id = await IngestAsync(ingest, $"\u201CWe are back at work,\u201D Marta Quill said. {Guid.NewGuid()}");

        var status = await Eventually.Until(() => StatusAsync(ingest, id), s => s.State == ArticleState.Analyzed, Patience, "analysis");
        status.Attempts.ShouldBe(1);
        status.AnalyzeTime.ShouldNotBeNull();
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ingest.outbox WHERE article_id = $1", Guid.Parse(id))).ShouldBe(0);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM analysis.attributions WHERE article_id = $1", Guid.Parse(id)))
            .ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Dispatcher_AnalysisDownThenStarted_RetriesAndAnalyzesOnceItIsUp()
    {
        var analysisPort = FreePort.Find();
        await using var ingest = await StartIngestAsync(analysisPort);

        var id = await IngestAsync(ingest, $"\u201CThe gates open at six,\u201D the harbor master said. {Guid.NewGuid()}");
        var waiting = await Eventually.Until(() => StatusAsync(ingest, id), s => s.Attempts >= 2, Patience, "retries");
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString, grpcPort: analysisPort);
        var done = await Eventually.Until(() => StatusAsync(ingest, id), s => s.State == ArticleState.Analyzed, Patience, "analysis");

        waiting.LastError.ShouldContain("Unavailable");
        done.Attempts.ShouldBeGreaterThan(waiting.Attempts - 1);
        done.LastError.ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispatcher_AnalysisNeverUp_ParksArticleAsFailedAfterMaxAttempts()
    {
        await using var ingest = await StartIngestAsync(FreePort.Find(), maxAttempts: 2);
        ingest.ExpectErrors(e => e.Contains("parked as failed"));

        var id = await IngestAsync(ingest, $"\u201CNo comment,\u201D the spokesman said. {Guid.NewGuid()}");
        var status = await Eventually.Until(() => StatusAsync(ingest, id), s => s.State == ArticleState.Failed, Patience, "parking");

        status.Attempts.ShouldBe(2);
        status.LastError.ShouldContain("Unavailable");
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ingest.outbox WHERE article_id = $1", Guid.Parse(id))).ShouldBe(0);
    }

    [Fact]
    public async Task GetIngestStatus_OutboxRowLeased_AnalyzingWithItsAttempts_LeaseExpired_QueuedAgain()
    {
        await using var ingest = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, new Dictionary<string, string?>
        {
            ["Outbox:Enabled"] = "false",
        });
        var id = await IngestAsync(ingest, $"“The ferry runs again,” Ida Brandt said. {Guid.NewGuid()}");
        (await StatusAsync(ingest, id)).State.ShouldBe(ArticleState.Queued);

        // What a dispatcher's claim writes: the outbox row alone.
        await Sql.ScalarAsync<int>(database.ConnectionString,
            "UPDATE ingest.outbox SET locked_until = now() + interval '1 minute', attempts = 3, last_error = 'Unavailable: down' WHERE article_id = $1 RETURNING 1",
            Guid.Parse(id));
        var leased = await StatusAsync(ingest, id);
        leased.State.ShouldBe(ArticleState.Analyzing);
        leased.Attempts.ShouldBe(3);
        leased.LastError.ShouldBe("Unavailable: down");

        await Sql.ScalarAsync<int>(database.ConnectionString,
            "UPDATE ingest.outbox SET locked_until = now() - interval '1 second' WHERE article_id = $1 RETURNING 1", Guid.Parse(id));
        var expired = await StatusAsync(ingest, id);
        expired.State.ShouldBe(ArticleState.Queued);
        expired.Attempts.ShouldBe(3);
        (await Sql.ScalarAsync<short>(database.ConnectionString, "SELECT state FROM ingest.articles WHERE id = $1", Guid.Parse(id)))
            .ShouldBe((short)PipelineState.Queued);
    }
}
