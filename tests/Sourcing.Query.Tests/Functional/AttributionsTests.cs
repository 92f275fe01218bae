using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Query.Tests.Support;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Functional;

public sealed class AttributionsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTime Day = new(2021, 4, 7, 0, 0, 0, DateTimeKind.Utc);
    private ServiceHost _query = null!;

    private QueryService.QueryServiceClient Client => new(_query.Channel);

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    public async Task InitializeAsync()
    {
        await SourcingSchemas.MigrateAllAsync(database.ConnectionString);
        _query = await ServiceHost.StartAsync(QueryApp.Build, database.ConnectionString);
    }

    public async Task DisposeAsync() => await _query.DisposeAsync();

    [Fact]
    public async Task ListAttributions_AttributionFilters_OnlyMatchingNewestArticleFirstInDocumentOrder()
    {
        var outlet = Unique("Filter Post");
        var older = new StoredArticle(outlet, Day, "Older", "Text.", [
            new("officials", 2, Reason: "not authorized", Entity: 2, QuoteType: 2),
            new("Ana Pires", 1),
        ]);
        var newer = new StoredArticle(outlet, Day.AddHours(1), "Newer", "Text.", [
            new("a source", 2, Entity: 1, QuoteType: 1),
            new("the ministry", 1, Entity: 3, QuoteType: 2),
            new("aides", 2, Reason: "to speak freely", Entity: 2, QuoteType: 3),
        ]);
        await QueryDatabase.StoreAsync(database.ConnectionString, older, newer);
        var articles = new ArticleFilter { Outlets = { outlet } };

        var all = await ListAsync(new AttributionFilter { ArticleFilter = articles });
        var anonymous = await ListAsync(new AttributionFilter { ArticleFilter = articles, Sourcing = Contracts.V1.Sourcing.Anonymous });
        var groups = await ListAsync(new AttributionFilter { ArticleFilter = articles, Entity = EntityKind.Group });
        var indirect = await ListAsync(new AttributionFilter { ArticleFilter = articles, QuoteType = QuoteType.Indirect });
        var reasoned = await ListAsync(new AttributionFilter { ArticleFilter = articles, HasReason = true });
        var unreasonedAnonymous = await ListAsync(new AttributionFilter { ArticleFilter = articles, Sourcing = Contracts.V1.Sourcing.Anonymous, HasReason = false });

        all.Select(a => a.Speaker).ShouldBe(["a source", "the ministry", "aides", "officials", "Ana Pires"]);
        anonymous.Select(a => a.Speaker).ShouldBe(["a source", "aides", "officials"]);
        groups.Select(a => a.Speaker).ShouldBe(["aides", "officials"]);
        indirect.Select(a => a.Speaker).ShouldBe(["the ministry", "officials"]);
        reasoned.Select(a => a.AnonymityReason.Text).ShouldBe(["to speak freely", "not authorized"]);
        unreasonedAnonymous.Select(a => a.Speaker).ShouldBe(["a source"]);
    }

    [Fact]
    public async Task ListAttributions_PagesSplitInsideAnArticle_EveryAttributionOnce()
    {
        var outlet = Unique("Split Post");
        var articles = Enumerable.Range(0, 3).Select(i => new StoredArticle(outlet, Day.AddHours(i), $"A{i}", "Text.",
            [.. Enumerable.Range(0, 4).Select(j => new StoredQuote($"speaker {i}.{j}", 1))])).ToArray();
        await QueryDatabase.StoreAsync(database.ConnectionString, articles);
        var filter = new AttributionFilter { ArticleFilter = new ArticleFilter { Outlets = { outlet } } };

        var seen = new List<string>();
        var token = "";
        var pages = 0;
        do
        {
            var page = await Client.ListAttributionsAsync(new ListAttributionsRequest { Filter = filter, PageSize = 5, PageToken = token }, deadline: Deadline);
            seen.AddRange(page.Attributions.Select(a => a.Speaker));
            token = page.NextPageToken;
            pages++;
        }
        while (token.Length > 0 && pages < 10);

        pages.ShouldBe(3);
        seen.ShouldBe([.. from i in new[] { 2, 1, 0 } from j in Enumerable.Range(0, 4) select $"speaker {i}.{j}"]);
    }

    [Fact]
    public async Task StreamAttributions_MoreRowsThanOnePage_StreamsEveryRowInOrder()
    {
        var outlet = Unique("Export Post");
        // 60 articles x 15 = 900 attributions: more than the export's internal page of 500.
        var articles = Enumerable.Range(0, 60).Select(i => new StoredArticle(outlet, Day.AddMinutes(i), $"E{i}", "Text.",
            [.. Enumerable.Range(0, 15).Select(j => new StoredQuote($"s{i:D2}.{j:D2}", (short)(j % 3 == 0 ? 2 : 1)))])).ToArray();
        await QueryDatabase.StoreAsync(database.ConnectionString, articles);

        using var call = Client.StreamAttributions(new StreamAttributionsRequest
        {
            Filter = new AttributionFilter { ArticleFilter = new ArticleFilter { Outlets = { outlet } } },
        }, deadline: Deadline);
        var speakers = new List<string>();
        await foreach (var item in call.ResponseStream.ReadAllAsync())
        {
            speakers.Add(item.Attribution.Speaker);
        }

        speakers.Count.ShouldBe(900);
        speakers.ShouldBe([.. from i in Enumerable.Range(0, 60).Reverse() from j in Enumerable.Range(0, 15) select $"s{i:D2}.{j:D2}"]);
    }

    [Fact]
    public async Task ListAttributions_UnknownEnumValue_InvalidArgument()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.ListAttributionsAsync(new ListAttributionsRequest
        {
            Filter = new AttributionFilter { Sourcing = (Contracts.V1.Sourcing)9 },
        }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    private async Task<List<Contracts.V1.Attribution>> ListAsync(AttributionFilter filter) =>
        [.. (await Client.ListAttributionsAsync(new ListAttributionsRequest { Filter = filter }, deadline: Deadline)).Attributions];

    private static string Unique(string outlet) => $"{outlet} {Guid.NewGuid():N}";
}
