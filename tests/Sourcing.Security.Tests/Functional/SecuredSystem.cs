using Grpc.Core;
using Microsoft.Extensions.Logging;
using Sourcing.Analysis;
using Sourcing.Contracts.V1;
using Sourcing.Ingest;
using Sourcing.Query;
using Sourcing.Testing;

namespace Sourcing.Security.Tests.Functional;

/// <summary>
/// Ingest, analysis and query on one database with keys required everywhere, as outside Development; the
/// dispatcher calls analysis with the service key. Ingest logs at every level into <see cref="IngestLogs"/>.
/// </summary>
public sealed class SecuredSystem : IAsyncLifetime
{
    public const string Collection = "secured system";

    private readonly PostgresDatabaseFixture _database = new();

    public ServiceHost Analysis { get; private set; } = null!;

    public ServiceHost Ingest { get; private set; } = null!;

    public ServiceHost Query { get; private set; } = null!;

    public LogCapture IngestLogs { get; } = new();

    public IngestService.IngestServiceClient IngestClient => new(Ingest.Channel);

    public AnalysisService.AnalysisServiceClient AnalysisClient => new(Analysis.Channel);

    public QueryService.QueryServiceClient QueryClient => new(Query.Channel);

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var connection = _database.ConnectionString;
        await SourcingSchemas.MigrateAllAsync(connection);
        Analysis = await ServiceHost.StartAsync(AnalysisApp.Build, connection, TestKey.AuthSettings());
        var ingestSettings = TestKey.AuthSettings();
        ingestSettings["services:analysis:http:0"] = Analysis.GrpcAddress.ToString();
        ingestSettings["Analysis:ServiceKey"] = TestKey.Service.Key;
        ingestSettings["Outbox:PollInterval"] = "00:00:00.200";
        Ingest = await ServiceHost.StartAsync(IngestApp.Build, connection, ingestSettings,
            configure: builder => builder.Logging.AddProvider(IngestLogs).AddFilter<LogCapture>(_ => true));
        Query = await ServiceHost.StartAsync(QueryApp.Build, connection, TestKey.AuthSettings());
    }

    public async Task DisposeAsync()
    {
        // Stopping ingest in the middle of a dispatch would log the cut transaction as an error.
        await Eventually.Until(() => Sql.ScalarAsync<long>(_database.ConnectionString, "SELECT count(*) FROM ingest.outbox"),
            n => n == 0, TimeSpan.FromSeconds(60), "an empty outbox");
        foreach (var host in new[] { Query, Ingest, Analysis })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
        await _database.DisposeAsync();
    }

    public static DateTime Deadline() => DateTime.UtcNow.AddSeconds(20);

    public static IngestArticleRequest NewArticle(int seed)
    {
        var article = SyntheticArticles.Generate(1, seed).Single();
        return new IngestArticleRequest { Title = article.Title, Body = article.Body, Outlet = article.Outlet, ContentType = ContentType.Text };
    }

    /// <summary>Runs a call that must fail and returns its error.</summary>
    public static async Task<RpcException> RefusedAsync(Func<Task> call) => await Should.ThrowAsync<RpcException>(call);
}

[CollectionDefinition(SecuredSystem.Collection)]
public sealed class SecuredSystemCollection : ICollectionFixture<SecuredSystem>;
