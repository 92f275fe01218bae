using Grpc.Core;
using Sourcing.Contracts.V1;

namespace Sourcing.Replication.Tests.Functional;

/// <summary>
/// WatchAnalyses when reads prefer the standby: its LISTEN (which a standby refuses) and its reads go to the primary,
/// so a new analysis arrives on the notification, not on the next poll.
/// </summary>
public sealed class WatchOnReplicaTests(StreamingReplica cluster) : IClassFixture<StreamingReplica>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task WatchAnalyses_PreferStandby_ListensOnThePrimaryAndDeliversOnNotification()
    {
        // Polling is pushed out of the way: only the notification can deliver the event within the test's patience.
        await using var services = await ReplicatedServices.StartAsync(cluster, "watched",
            new Dictionary<string, string?> { ["Query:WatchPollInterval"] = "00:10:00" });
        using var cancel = new CancellationTokenSource(Patience * 3);
        using var watch = new QueryService.QueryServiceClient(services.Query.Channel)
            .WatchAnalyses(new WatchAnalysesRequest(), cancellationToken: cancel.Token);
        await watch.ResponseHeadersAsync.WaitAsync(Patience);

        var analyzed = await services.IngestAnalyzedAsync(seed: 3);
        var arrived = await watch.ResponseStream.MoveNext().WaitAsync(Patience);

        arrived.ShouldBeTrue();
        watch.ResponseStream.Current.ArticleId.ShouldBe(analyzed);
    }
}
