using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Replication.Tests.Functional;

/// <summary>
/// Query on a multi-host connection that prefers the standby, ingest and analysis on the primary
/// (<see cref="ReplicatedServices"/>): reads are served by the replica, and survive the replica going away.
/// </summary>
public sealed class ReadReplicaTests(StreamingReplica cluster) : IClassFixture<StreamingReplica>
{
    private const string Database = "replicated";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Query_PreferStandby_ReadsFromTheReplicaAndFallsBackToThePrimaryWhenItStops()
    {
        await using var services = await ReplicatedServices.StartAsync(cluster, Database);
        var query = services.Query;
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

        var first = await services.IngestAnalyzedAsync(seed: 1);
        await cluster.WaitForReplayAsync();
        var fromStandby = await queryClient.GetArticleAsync(new GetArticleRequest { ArticleId = first }, deadline: Deadline());
        var (standbyRecovery, standbyPort) = await ServerOfAsync(reads);
        var streaming = await StreamingReplica.ScalarAsync<long>(cluster.Primary.ConnectionString,
            "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'");

        await cluster.Standby.StopAsync();
        var second = await services.IngestAnalyzedAsync(seed: 2);
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
