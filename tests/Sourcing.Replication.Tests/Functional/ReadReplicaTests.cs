using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Contracts.V1;
using Sourcing.Ingest;
using Sourcing.Ingest.Data;
using Sourcing.Query;
using Sourcing.Query.Data;
using Sourcing.Testing;

namespace Sourcing.Replication.Tests.Functional;

/// <summary>
/// Query on a multi-host connection that prefers the standby (as a CloudNativePG read-only service would give it),
/// ingest and analysis on the primary: reads are served by the replica, and survive the replica going away.
/// </summary>
public sealed class ReadReplicaTests(StreamingReplica cluster) : IClassFixture<StreamingReplica>
{
    private const string Database = "replicated";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Query_PreferStandby_ReadsFromTheReplicaAndFallsBackToThePrimaryWhenItStops()
    {
        var primary = await cluster.Primary.CreateDatabaseAsync(Database);
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, primary);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, primary);
        await ServiceHost.MigrateAsync<QueryDbContext>(QueryApp.Build, primary);
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, primary);
        await using var ingest = await ServiceHost.StartAsync(IngestApp.Build, primary, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = analysis.GrpcAddress.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
        await using var query = await ServiceHost.StartAsync(QueryApp.Build, primary, new Dictionary<string, string?>
        {
            ["ConnectionStrings:sourcing_readonly"] = new NpgsqlConnectionStringBuilder
            {
                Host = $"127.0.0.1:{cluster.Standby.Port},127.0.0.1:{cluster.Primary.Port}",
                Database = Database,
                Username = "sourcing_reader",
                TargetSessionAttributes = "prefer-standby",
                HostRecheckSeconds = 1,
            }.ConnectionString,
        });
        var reads = query.Services.GetRequiredService<NpgsqlDataSource>();
        // As every client should: retry UNAVAILABLE (a read on a pooled connection to the standby that just stopped).
        using var retrying = GrpcChannel.ForAddress(query.GrpcAddress, new GrpcChannelOptions
        {
            ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 5,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            },
        });
        var queryClient = new QueryService.QueryServiceClient(retrying);
        var ingestClient = new IngestService.IngestServiceClient(ingest.Channel);

        var first = await IngestAnalyzedAsync(ingestClient, seed: 1);
        await cluster.WaitForReplayAsync();
        var fromStandby = await queryClient.GetArticleAsync(new GetArticleRequest { ArticleId = first }, deadline: Deadline());
        var (standbyRecovery, standbyPort) = await ServerOfAsync(reads);
        var streaming = await StreamingReplica.ScalarAsync<long>(cluster.Primary.ConnectionString,
            "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'");

        await cluster.Standby.StopAsync();
        var second = await IngestAnalyzedAsync(ingestClient, seed: 2);
        var fromPrimary = await Eventually.Until(
            () => queryClient.GetArticleAsync(new GetArticleRequest { ArticleId = second }, deadline: Deadline()).ResponseAsync,
            r => r.Article.State == ArticleState.Analyzed, Patience, "the second article through query");
        var (primaryRecovery, primaryPort) = await ServerOfAsync(reads);

        streaming.ShouldBe(1);
        fromStandby.Article.State.ShouldBe(ArticleState.Analyzed);
        fromStandby.Attributions.ShouldNotBeEmpty();
        standbyRecovery.ShouldBeTrue();
        standbyPort.ShouldBe(cluster.Standby.Port);
        fromPrimary.Attributions.ShouldNotBeEmpty();
        primaryRecovery.ShouldBeFalse();
        primaryPort.ShouldBe(cluster.Primary.Port);
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(15);

    private static async Task<string> IngestAnalyzedAsync(IngestService.IngestServiceClient client, int seed)
    {
        var article = SyntheticArticles.Generate(1, seed).Single();
        var response = await client.IngestArticleAsync(new IngestArticleRequest
        {
            Title = article.Title, Body = article.Body, Outlet = article.Outlet, ContentType = ContentType.Text,
        }, deadline: Deadline());
        await Eventually.Until(
            async () => (await client.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { response.ArticleId } }, deadline: Deadline()))
                .Statuses.Single().State,
            state => state == ArticleState.Analyzed, Patience, "analysis on the primary");
        return response.ArticleId;
    }

    /// <summary>Which server the query service's own connections reach: in recovery (a standby) or not, and its port.</summary>
    private static async Task<(bool InRecovery, int Port)> ServerOfAsync(NpgsqlDataSource reads)
    {
        await using var connection = await reads.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT pg_is_in_recovery(), current_setting('port')::int", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetBoolean(0), reader.GetInt32(1));
    }
}
