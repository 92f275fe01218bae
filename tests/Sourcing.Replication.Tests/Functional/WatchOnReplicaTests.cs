using Grpc.Core;
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
/// WatchAnalyses when reads prefer the standby: its LISTEN (which a standby refuses) and its reads go to the primary,
/// so a new analysis arrives on the notification, not on the next poll.
/// </summary>
public sealed class WatchOnReplicaTests(StreamingReplica cluster) : IClassFixture<StreamingReplica>
{
    private const string Database = "watched";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WatchAnalyses_PreferStandby_ListensOnThePrimaryAndDeliversOnNotification()
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
            }.ConnectionString,
            // Polling is pushed out of the way: only the notification can deliver the event within the test's patience.
            ["Query:WatchPollInterval"] = "00:10:00",
        });
        using var cancel = new CancellationTokenSource(Patience * 2);
        using var watch = new QueryService.QueryServiceClient(query.Channel).WatchAnalyses(new WatchAnalysesRequest(), cancellationToken: cancel.Token);
        await watch.ResponseHeadersAsync.WaitAsync(Patience);

        var article = SyntheticArticles.Generate(1, seed: 3).Single();
        var ingested = await new IngestService.IngestServiceClient(ingest.Channel).IngestArticleAsync(new IngestArticleRequest
        {
            Title = article.Title, Body = article.Body, Outlet = article.Outlet, ContentType = ContentType.Text,
        }, deadline: DateTime.UtcNow.Add(Patience));
        var arrived = await watch.ResponseStream.MoveNext().WaitAsync(Patience);

        arrived.ShouldBeTrue();
        watch.ResponseStream.Current.ArticleId.ShouldBe(ingested.ArticleId);
    }
}
