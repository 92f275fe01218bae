using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Query.Tests.Support;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Functional;

public sealed class ListArticlesTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTime Day = new(2021, 4, 7, 0, 0, 0, DateTimeKind.Utc);
    private ServiceHost _query = null!;

    private QueryService.QueryServiceClient Client => new(_query.Channel);

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(20);

    public async Task InitializeAsync()
    {
        await SourcingSchemas.MigrateAllAsync(database.ConnectionString);
        _query = await ServiceHost.StartAsync(QueryApp.Build, database.ConnectionString);
    }

    public async Task DisposeAsync() => await _query.DisposeAsync();

    [Fact]
    public async Task ListArticles_OutletTimeAndAnonymityFilters_OnlyMatchingNewestFirst()
    {
        var outlet = Unique("Harbor Post");
        var old = new StoredArticle(outlet, Day, "Old", "Port talks.", [new("Ana Pires", 1)]);
        var anonymous = new StoredArticle(outlet, Day.AddHours(5), "Leak", "Officials spoke.", [new("officials", 2), new("Ana Pires", 1)]);
        var named = new StoredArticle(outlet, Day.AddHours(6), "Named", "Clerk spoke.", [new("Ana Pires", 1)]);
        var unanalyzed = new StoredArticle(outlet, Day.AddHours(7), "Pending", "Not yet.", null);
        var other = new StoredArticle(Unique("Other"), Day.AddHours(5), "Elsewhere", "Officials spoke.", [new("officials", 2)]);
        await QueryDatabase.StoreAsync(database.ConnectionString, old, anonymous, named, unanalyzed, other);

        var all = await ListAsync(new ArticleFilter { Outlets = { outlet } });
        var inRange = await ListAsync(new ArticleFilter { Outlets = { outlet }, StartTime = Ts(Day.AddHours(1)), EndTime = Ts(Day.AddHours(7)) });
        var withAnonymous = await ListAsync(new ArticleFilter { Outlets = { outlet }, HasAnonymous = true });
        var withoutAnonymous = await ListAsync(new ArticleFilter { Outlets = { outlet }, HasAnonymous = false });
        var halfAnonymous = await ListAsync(new ArticleFilter { Outlets = { outlet }, MinAnonymousShare = 0.5 });

        all.Select(a => a.Title).ShouldBe(["Pending", "Named", "Leak", "Old"]);
        inRange.Select(a => a.Title).ShouldBe(["Named", "Leak"]);
        withAnonymous.Select(a => a.Title).ShouldBe(["Leak"]);
        withoutAnonymous.Select(a => a.Title).ShouldBe(["Named", "Old"]);
        halfAnonymous.Select(a => a.Title).ShouldBe(["Leak"]);
        all[2].AttributionCount.ShouldBe(2);
        all[2].AnonymousAttributionCount.ShouldBe(1);
        all[2].Text.ShouldBeEmpty();
        all[2].State.ShouldBe(ArticleState.Analyzed);
    }

    [Fact]
    public async Task ListArticles_FullTextQuery_MatchesStemmedWordsInTitleOrText()
    {
        var outlet = Unique("Search Daily");
        await QueryDatabase.StoreAsync(database.ConnectionString,
            new StoredArticle(outlet, Day, "Dockworkers strike", "The harbor closed.", [new("Ana Pires", 1)]),
            new StoredArticle(outlet, Day.AddHours(1), "Budget vote", "Councillors were striking a deal on taxes.", [new("Ana Pires", 1)]),
            new StoredArticle(outlet, Day.AddHours(2), "Weather", "Rain all week.", [new("Ana Pires", 1)]));

        var strikes = await ListAsync(new ArticleFilter { Outlets = { outlet }, Query = "strikes" });
        var phrase = await ListAsync(new ArticleFilter { Outlets = { outlet }, Query = "strike -harbor" });

        strikes.Select(a => a.Title).ShouldBe(["Budget vote", "Dockworkers strike"]);
        phrase.Select(a => a.Title).ShouldBe(["Budget vote"]);
    }

    [Fact]
    public async Task ListArticles_PageTokens_WalkEveryArticleOnceAcrossPages()
    {
        var outlet = Unique("Paged Herald");
        // Several articles share one publish time: the article id breaks the tie.
        var articles = Enumerable.Range(0, 7).Select(i => new StoredArticle(outlet, Day.AddHours(i / 2), $"A{i}", "Text.", [])).ToArray();
        await QueryDatabase.StoreAsync(database.ConnectionString, articles);

        var (seen, pages) = await WalkAsync(new ArticleFilter { Outlets = { outlet } }, pageSize: 3);

        pages.ShouldBe(3);
        seen.ShouldBe(Newest(articles));
    }

    [Fact]
    public async Task ListArticles_SearchCommonAndRareTermsBeyondTheProbe_EveryMatchOnceNewestFirst()
    {
        // More articles than a search probes: the common term is found among the newest rows, the rare one (mostly
        // older than them) through the GIN index, page after page.
        var outlet = Unique("Search Ledger");
        var articles = Enumerable.Range(0, Lists.ArticlePageSql.SearchProbeRows + 50).Select(i => new StoredArticle(outlet, Day.AddMinutes(i),
            $"A{i}", i % 150 == 0 ? "Common words and a rarity." : "Common words.", null)).ToArray();
        await QueryDatabase.StoreAsync(database.ConnectionString, articles);

        var (common, _) = await WalkAsync(new ArticleFilter { Outlets = { outlet }, Query = "common" }, pageSize: 400);
        var (rare, rarePages) = await WalkAsync(new ArticleFilter { Outlets = { outlet }, Query = "rarity" }, pageSize: 2);

        common.ShouldBe(Newest(articles));
        rare.ShouldBe(Newest(articles.Where(a => a.Text.Contains("rarity", StringComparison.Ordinal))));
        rarePages.ShouldBe(4);
    }

    [Fact]
    public async Task ListArticles_SearchAcrossMorePeriodsThanItWalks_EveryMatchOnceNewestFirst()
    {
        // 1,200 articles eight hours apart (400 days, 15 periods of 28): "alpha" fills the probe, "gamma" (12 a period)
        // fills small pages from the walked periods and larger ones with older matches too, "beta" (one in 40) runs out
        // of walked periods; each also within a time range, and page after page.
        var outlet = Unique("Weekly Ledger");
        var articles = Enumerable.Range(0, 1200).Select(i => new StoredArticle(outlet, Day.AddHours(8 * i), $"W{i}",
            string.Join(' ', new[] { i % 3 == 0 ? "alpha" : "", i % 40 == 0 ? "beta" : "", i % 7 == 0 ? "gamma" : "", "words." }), null)).ToArray();
        await QueryDatabase.StoreAsync(database.ConnectionString, articles);
        var (start, end) = (Day.AddDays(100), Day.AddDays(300));

        foreach (var term in new[] { "alpha", "beta", "gamma" })
        {
            var matches = articles.Where(a => a.Text.Contains(term, StringComparison.Ordinal)).ToList();
            foreach (var pageSize in new[] { 7, 50 })
            {
                var (all, _) = await WalkAsync(new ArticleFilter { Outlets = { outlet }, Query = term }, pageSize);
                var (ranged, _) = await WalkAsync(new ArticleFilter { Outlets = { outlet }, Query = term, StartTime = Ts(start), EndTime = Ts(end) }, pageSize);

                all.ShouldBe(Newest(matches), $"{term}, pages of {pageSize}");
                ranged.ShouldBe(Newest(matches.Where(a => a.PublishedAt >= start && a.PublishedAt < end)), $"{term} in range, pages of {pageSize}");
            }
        }
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ListArticles_ForgedPageToken_InvalidArgumentOnPageToken(string token)
    {
        var error = await Should.ThrowAsync<RpcException>(() =>
            Client.ListArticlesAsync(new ListArticlesRequest { PageToken = token }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("page_token");
    }

    [Fact]
    public async Task ListArticles_TamperedOrOtherFilterToken_InvalidArgument()
    {
        var outlet = Unique("Tamper Times");
        await QueryDatabase.StoreAsync(database.ConnectionString,
            Enumerable.Range(0, 3).Select(i => new StoredArticle(outlet, Day.AddHours(i), $"T{i}", "Text.", [])).ToArray());
        var filter = new ArticleFilter { Outlets = { outlet } };
        var token = (await Client.ListArticlesAsync(new ListArticlesRequest { Filter = filter, PageSize = 1 }, deadline: Deadline)).NextPageToken;
        token.ShouldNotBeEmpty();
        var tampered = (token[5] == 'A' ? "B" : "A") is var c ? token[..5] + c + token[6..] : token;

        var edited = await Should.ThrowAsync<RpcException>(() => Client.ListArticlesAsync(
            new ListArticlesRequest { Filter = filter, PageToken = tampered }, deadline: Deadline).ResponseAsync);
        var otherFilter = await Should.ThrowAsync<RpcException>(() => Client.ListArticlesAsync(
            new ListArticlesRequest { Filter = new ArticleFilter { Outlets = { "Elsewhere" } }, PageToken = token }, deadline: Deadline).ResponseAsync);
        var ok = await Client.ListArticlesAsync(new ListArticlesRequest { Filter = filter, PageSize = 1, PageToken = token }, deadline: Deadline);

        edited.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        otherFilter.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ok.Articles.ShouldHaveSingleItem().Title.ShouldBe("T1");
    }

    [Fact]
    public async Task ListArticles_NegativePageSize_InvalidArgumentOnPageSize()
    {
        var error = await Should.ThrowAsync<RpcException>(() =>
            Client.ListArticlesAsync(new ListArticlesRequest { PageSize = -1 }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("page_size");
    }

    [Fact]
    public async Task ListArticles_StoryOrSpeakerFilterOrBadShare_InvalidArgumentPerField()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.ListArticlesAsync(new ListArticlesRequest
        {
            Filter = new ArticleFilter { StoryId = "s1", SpeakerId = "p1", MinAnonymousShare = 1.5 },
        }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field)
            .ShouldBe(["filter.story_id", "filter.speaker_id", "filter.min_anonymous_share"]);
    }

    private async Task<List<Article>> ListAsync(ArticleFilter filter) =>
        [.. (await Client.ListArticlesAsync(new ListArticlesRequest { Filter = filter }, deadline: Deadline)).Articles];

    /// <summary>Follows next_page_token to the end; returns the article ids in order and the number of pages.</summary>
    private async Task<(List<string> Ids, int Pages)> WalkAsync(ArticleFilter filter, int pageSize)
    {
        var ids = new List<string>();
        var pages = 0;
        var token = "";
        do
        {
            var page = await Client.ListArticlesAsync(new ListArticlesRequest { Filter = filter, PageSize = pageSize, PageToken = token }, deadline: Deadline);
            ids.AddRange(page.Articles.Select(a => a.ArticleId));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 100);
        return (ids, pages);
    }

    private static IEnumerable<string> Newest(IEnumerable<StoredArticle> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id.ToString()).Select(a => a.Id.ToString());

    private static Timestamp Ts(DateTime time) => Timestamp.FromDateTime(time);

    private static string Unique(string outlet) => $"{outlet} {Guid.NewGuid():N}";
}
