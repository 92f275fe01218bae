using System.Text.RegularExpressions;
using Grpc.Net.Client;
using Sourcing.Contracts.V1;
using Sourcing.Testing;
using Xunit.Abstractions;

namespace Sourcing.AppHost.Tests.Functional;

/// <summary>Two ingest replicas under one AppHost: both in the table, sharing the outbox, each with its own metrics.</summary>
[Collection(AppHostReplicasCollection.Name)]
public sealed partial class AppHostReplicasTests(AppHostReplicasFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private AppHostProcess AppHost => fixture.AppHost;

    [Fact]
    public async Task Replicas_ArticlesIngestedThroughBoth_BothDispatchAndEachArticleIsAnalyzedOnce()
    {
        // Arrange
        using var first = GrpcChannel.ForAddress(AppHost.GrpcUrlOf("ingest-1"));
        using var second = GrpcChannel.ForAddress(AppHost.GrpcUrlOf("ingest-2"));
        IngestService.IngestServiceClient[] clients = [new(first), new(second)];
        var articles = SyntheticArticles.Generate(40, seed: Random.Shared.Next()).ToList();

        // Act
        var ids = new List<string>();
        for (var i = 0; i < articles.Count; i++)
        {
            var response = await clients[i % 2].IngestArticleAsync(
                new IngestArticleRequest { Title = articles[i].Title, Body = articles[i].Body, Outlet = articles[i].Outlet, ContentType = ContentType.Text },
                deadline: DateTime.UtcNow + Timeout);
            ids.Add(response.ArticleId);
        }

        var statuses = await Eventually.Until(
            async () => (await clients[0].GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { ids } }, deadline: DateTime.UtcNow + Timeout)).Statuses,
            s => s.Count == ids.Count && s.All(status => status.State == ArticleState.Analyzed), Timeout, "every article analyzed");

        // Assert
        statuses.Count.ShouldBe(ids.Count);
        var byFirst = AnalyzedArticles("ingest-1").Intersect(ids).ToList();
        var bySecond = AnalyzedArticles("ingest-2").Intersect(ids).ToList();
        output.WriteLine($"articles dispatched by ingest-1: {byFirst.Count}, by ingest-2: {bySecond.Count}");
        byFirst.ShouldNotBeEmpty(AppHost.Output);
        bySecond.ShouldNotBeEmpty(AppHost.Output);
        var dispatches = AnalyzedArticles("ingest-1").Concat(AnalyzedArticles("ingest-2")).Where(ids.Contains).Order();
        dispatches.ShouldBe(ids.Order(), "each article dispatched exactly once, by one replica or the other");
    }

    [Fact]
    public void Run_TwoIngestReplicas_EachHealthyOnItsOwnPortInTheTable()
    {
        // Act
        var rows = AppHost.OutputLines.Where(line => line.StartsWith("| ingest-", StringComparison.Ordinal)).ToList();

        // Assert
        AppHost.GrpcUrlOf("ingest-1").ShouldBe($"http://127.0.0.1:{AppHost.GrpcPorts[0]}");
        AppHost.GrpcUrlOf("ingest-2").ShouldNotBe(AppHost.GrpcUrlOf("ingest-1"));
        rows.ShouldContain(row => row.StartsWith("| ingest-1 ", StringComparison.Ordinal) && row.Contains("| Healthy "));
        rows.ShouldContain(row => row.StartsWith("| ingest-2 ", StringComparison.Ordinal) && row.Contains("| Healthy "));
        AppHost.OutputLines.ShouldNotContain(line => line.StartsWith("| ingest ", StringComparison.Ordinal));
    }

    // The dispatcher logs "Article {id} analyzed: ..." in the replica that made the call; each replica has its own log file.
    // Other tests share this AppHost: only this test's articles count, each as often as it was dispatched.
    private List<string> AnalyzedArticles(string replica) =>
        [.. AnalyzedLine().Matches(File.ReadAllText(Path.Combine(AppHost.LogDirectory, replica + ".log"))).Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"Article ([0-9a-f-]{36}) analyzed:")]
    private static partial Regex AnalyzedLine();
}
