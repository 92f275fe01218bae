using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Data;
using Sourcing.LocalPostgres;
using Sourcing.Testing;
using Xunit.Abstractions;

namespace Sourcing.Ingest.Tests.Functional;

/// <summary>PostgreSQL restarts in the middle of a bulk ingest, on a server of this test's own.</summary>
public sealed class PostgresRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly LocalPostgresOptions _options = new()
    {
        DataDirectory = Path.Combine(Path.GetTempPath(), $"sourcing-restart-{Guid.NewGuid():N}"),
        Port = FreePort.Find(),
        Fsync = false,
    };

    private LocalPostgresServer _server = null!;
    private string _connectionString = "";

    public async Task InitializeAsync()
    {
        _server = await LocalPostgresServer.StartAsync(_options);
        _connectionString = await _server.CreateDatabaseAsync("restart");
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, _connectionString);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, _connectionString);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        if (Directory.Exists(_options.DataDirectory))
        {
            Directory.Delete(_options.DataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task IngestArticles_PostgresRestartsMidStream_EverySuccessIsStoredOnceAndAnalyzed()
    {
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, _connectionString);
        await using var ingest = await ServiceHost.StartAsync(IngestApp.Build, _connectionString, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = analysis.GrpcAddress.ToString(),
            ["Outbox:InitialBackoff"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:01",
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:MaxAttempts"] = "1000",
        });
        // While the server is down, EF Core and the services log the failures they then recover from.
        ingest.ExpectErrors(_ => true);
        analysis.ExpectErrors(_ => true);
        var requests = SyntheticArticles.Generate(400, seed: 33).Select(BulkClient.ToRequest).ToList();

        var responses = await BulkClient.IngestAsync(ingest, requests, async index =>
        {
            if (index == 150)
            {
                await _server.StopAsync();
                await Task.Delay(TimeSpan.FromSeconds(1));
                _server = await LocalPostgresServer.StartAsync(_options);
            }
        });
        var failed = responses.Where(r => r.Error is not null).Select(r => requests[(int)r.Index]).ToList();
        output.WriteLine($"{responses.Count - failed.Count} items succeeded, {failed.Count} got an error while PostgreSQL restarted");
        var retried = failed.Count == 0 ? [] : await BulkClient.IngestAsync(ingest, failed);
        var ids = responses.Concat(retried).Where(r => r.Response is not null).Select(r => Guid.Parse(r.Response.ArticleId)).Distinct().ToArray();
        await Eventually.Until(() => Sql.ScalarAsync<long>(_connectionString, "SELECT count(*) FROM ingest.articles WHERE state = 4"),
            n => n == requests.Count, Patience, "every article analyzed");

        responses.Count.ShouldBe(requests.Count);
        retried.ShouldAllBe(r => r.Error == null);
        ids.Length.ShouldBe(requests.Count);
        (await Sql.ScalarAsync<long>(_connectionString, "SELECT count(*) FROM ingest.articles")).ShouldBe(requests.Count);
        (await Sql.ScalarAsync<long>(_connectionString, "SELECT count(*) FROM ingest.articles WHERE id = ANY($1)", ids)).ShouldBe(requests.Count);
    }
}
