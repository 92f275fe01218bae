using Npgsql;
using Sourcing.Analysis;
using Sourcing.Contracts.V1;
using Sourcing.Ingest;
using Sourcing.Query;
using Sourcing.Testing;

namespace Sourcing.Replication.Tests.Functional;

/// <summary>
/// Ingest and analysis on the primary; query on a multi-host connection that prefers the standby (as a CloudNativePG
/// read-only service would give it).
/// </summary>
public sealed class ReplicatedServices : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private ReplicatedServices(ServiceHost analysis, ServiceHost ingest, ServiceHost query) => (Analysis, Ingest, Query) = (analysis, ingest, query);

    public ServiceHost Analysis { get; }

    public ServiceHost Ingest { get; }

    public ServiceHost Query { get; }

    public static async Task<ReplicatedServices> StartAsync(StreamingReplica cluster, string database, IDictionary<string, string?>? querySettings = null)
    {
        var primary = await cluster.Primary.CreateDatabaseAsync(database);
        await SourcingSchemas.MigrateAllAsync(primary);
        var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, primary);
        var ingest = await ServiceHost.StartAsync(IngestApp.Build, primary, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = analysis.GrpcAddress.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
        var settings = new Dictionary<string, string?>(querySettings ?? new Dictionary<string, string?>())
        {
            ["ConnectionStrings:sourcing_readonly"] = new NpgsqlConnectionStringBuilder
            {
                Host = $"127.0.0.1:{cluster.Standby.Port},127.0.0.1:{cluster.Primary.Port}",
                Database = database,
                Username = "sourcing_reader",
                TargetSessionAttributes = "prefer-standby",
                HostRecheckSeconds = 1,
            }.ConnectionString,
        };
        var query = await ServiceHost.StartAsync(QueryApp.Build, primary, settings);
        return new ReplicatedServices(analysis, ingest, query);
    }

    /// <summary>Ingests a generated article and waits until it is analyzed on the primary; returns its id.</summary>
    public async Task<string> IngestAnalyzedAsync(int seed)
    {
        var client = new IngestService.IngestServiceClient(Ingest.Channel);
        var article = SyntheticArticles.Generate(1, seed).Single();
        var response = await client.IngestArticleAsync(new IngestArticleRequest
        {
            Title = article.Title, Body = article.Body, Outlet = article.Outlet, ContentType = ContentType.Text,
        }, deadline: DateTime.UtcNow.Add(Patience));
        await Eventually.Until(
            async () => (await client.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { response.ArticleId } },
                deadline: DateTime.UtcNow.Add(Patience))).Statuses.Single().State,
            state => state == ArticleState.Analyzed, Patience, "analysis on the primary");
        return response.ArticleId;
    }

    public async ValueTask DisposeAsync()
    {
        await Query.DisposeAsync();
        await Ingest.DisposeAsync();
        await Analysis.DisposeAsync();
    }
}
