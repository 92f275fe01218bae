using Grpc.Core;
using Sourcing.Analysis;
using Sourcing.Contracts.V1;
using Sourcing.Query.Tests.Support;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Functional;

public sealed class WatchAnalysesTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly TimeSpan EventTimeout = TimeSpan.FromSeconds(10);
    private ServiceHost _analysis = null!;
    private ServiceHost _query = null!;

    private QueryService.QueryServiceClient Query => new(_query.Channel);

    public async Task InitializeAsync()
    {
        await SourcingSchemas.MigrateAllAsync(database.ConnectionString);
        _analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString);
        // Polling is pushed out of the way: only analysis's NOTIFY can deliver an event within the test's timeout.
        _query = await ServiceHost.StartAsync(QueryApp.Build, database.ConnectionString,
            new Dictionary<string, string?> { ["Query:WatchPollInterval"] = "00:10:00" });
    }

    public async Task DisposeAsync()
    {
        await _query.DisposeAsync();
        await _analysis.DisposeAsync();
    }

    [Fact]
    public async Task WatchAnalyses_LiveAnalysis_ArrivesThenResumesFromCursorWithReplayAndLiveEvents()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        string cursor;
        using (var first = Query.WatchAnalyses(new WatchAnalysesRequest(), cancellationToken: cancel.Token))
        {
            await first.ResponseHeadersAsync.WaitAsync(EventTimeout);
            var live = await AnalyzeNewArticleAsync("Clerk Ana Pires");

            var received = await NextAsync(first.ResponseStream);

            received.ArticleId.ShouldBe(live.ToString());
            received.AttributionCount.ShouldBeGreaterThan(0);
            received.Cursor.ShouldNotBeEmpty();
            cursor = received.Cursor;
        }

        // Analyses complete while nobody watches; a watch from the cursor replays them, then goes live.
        var missed1 = await AnalyzeNewArticleAsync("Mayor Ines Duarte");
        var missed2 = await AnalyzeNewArticleAsync("Judge Rui Costa");
        using var resumed = Query.WatchAnalyses(new WatchAnalysesRequest { Cursor = cursor }, cancellationToken: cancel.Token);
        var replay1 = await NextAsync(resumed.ResponseStream);
        var replay2 = await NextAsync(resumed.ResponseStream);
        var later = await AnalyzeNewArticleAsync("Officer Lia Gomes");
        var live2 = await NextAsync(resumed.ResponseStream);

        new[] { replay1.ArticleId, replay2.ArticleId, live2.ArticleId }.ShouldBe([missed1.ToString(), missed2.ToString(), later.ToString()]);
    }

    [Fact]
    public async Task WatchAnalyses_ForgedCursor_InvalidArgument()
    {
        using var call = Query.WatchAnalyses(new WatchAnalysesRequest { Cursor = "not-a-cursor" }, deadline: DateTime.UtcNow.AddSeconds(20));

        var error = await Should.ThrowAsync<RpcException>(() => call.ResponseStream.MoveNext());

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    private static async Task<WatchAnalysesResponse> NextAsync(IAsyncStreamReader<WatchAnalysesResponse> stream)
    {
        (await stream.MoveNext().WaitAsync(EventTimeout)).ShouldBeTrue();
        return stream.Current;
    }

    private async Task<Guid> AnalyzeNewArticleAsync(string speaker)
    {
        var text = $"The count was delayed.\n\n\u201CWe will finish tonight,\u201D {speaker} said.";
        var article = new StoredArticle("Watch Post", DateTime.UtcNow, "Count delayed", text, null);
        await QueryDatabase.StoreAsync(database.ConnectionString, article);
        await new AnalysisService.AnalysisServiceClient(_analysis.Channel).AnalyzeArticleAsync(
            new AnalyzeArticleRequest { ArticleId = article.Id.ToString(), Text = text, Outlet = "Watch Post", Title = "Count delayed" },
            deadline: DateTime.UtcNow.AddSeconds(20));
        return article.Id;
    }
}
