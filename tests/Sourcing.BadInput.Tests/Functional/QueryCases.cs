using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sourcing.Contracts.V1;
using static Grpc.Core.StatusCode;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>Hostile and malformed requests to QueryService.</summary>
public static class QueryCases
{
    public static IEnumerable<BadInputCase> All()
    {
        yield return Get("GetArticle_MalformedId", InvalidArgument, "article_id", _ => "42");
        yield return Get("GetArticle_EmptyId", InvalidArgument, "article_id", _ => "");
        yield return Get("GetArticle_SqlInjectionId", InvalidArgument, "article_id", _ => "1' OR '1'='1");
        yield return Get("GetArticle_HugeId", InvalidArgument, "article_id", _ => new string('f', 100_000));
        yield return Get("GetArticle_UnknownId", NotFound, null, _ => Guid.NewGuid().ToString());
        yield return Get("GetArticle_KnownIdInUpperCaseBraces", OK, null, sut => "{" + sut.KnownArticleId.ToUpperInvariant() + "}");
        yield return Articles("ListArticles_NegativePageSize", InvalidArgument, "page_size", _ => new() { PageSize = -1 });
        yield return Articles("ListArticles_MinimumPageSize", InvalidArgument, "page_size", _ => new() { PageSize = int.MinValue });
        yield return Articles("ListArticles_HugePageSize", OK, null, _ => new() { PageSize = int.MaxValue });
        yield return Articles("ListArticles_ForgedToken", InvalidArgument, "page_token", _ => new() { PageToken = Convert.ToBase64String(new byte[54]).TrimEnd('=') });
        yield return Articles("ListArticles_TruncatedToken", InvalidArgument, "page_token", sut => new() { PageToken = sut.ArticlesPageToken[..^3], PageSize = 1 });
        yield return Articles("ListArticles_TokenWithOneCharacterChanged", InvalidArgument, "page_token", sut => new() { PageToken = Flip(sut.ArticlesPageToken), PageSize = 1 });
        yield return Articles("ListArticles_Base64Garbage", InvalidArgument, "page_token", _ => new() { PageToken = "!!!!not*base64%%%" });
        yield return Articles("ListArticles_HugeToken", InvalidArgument, "page_token", _ => new() { PageToken = new string('A', 1_000_000) });
        yield return Articles("ListArticles_TokenForAnotherFilter", InvalidArgument, "page_token", sut => new()
        {
            PageToken = sut.ArticlesPageToken, Filter = new ArticleFilter { Outlets = { "Other" } },
        });
        yield return Articles("ListArticles_TokenOfAnotherList", InvalidArgument, "page_token", sut => new() { PageToken = sut.AttributionsPageToken });
        yield return Articles("ListArticles_EndBeforeStart", InvalidArgument, "filter.end_time", _ => new()
        {
            Filter = new ArticleFilter { StartTime = new Timestamp { Seconds = 200 }, EndTime = new Timestamp { Seconds = 100 } },
        });
        yield return Articles("ListArticles_StartTimeInvalidNanos", InvalidArgument, "filter.start_time", _ => new()
        {
            Filter = new ArticleFilter { StartTime = new Timestamp { Seconds = 100, Nanos = -1 } },
        });
        yield return Articles("ListArticles_EndTimeOutOfRange", InvalidArgument, "filter.end_time", _ => new()
        {
            Filter = new ArticleFilter { EndTime = new Timestamp { Seconds = long.MaxValue } },
        });
        yield return Articles("ListArticles_AnonymousShareNaN", InvalidArgument, "filter.min_anonymous_share", _ => new()
        {
            Filter = new ArticleFilter { MinAnonymousShare = double.NaN },
        });
        yield return Articles("ListArticles_QueryTooLong", InvalidArgument, "filter.query", _ => new() { Filter = new ArticleFilter { Query = new string('q', 1001) } });
        yield return Articles("ListArticles_QueryOfSearchOperators", OK, null, _ => new()
        {
            Filter = new ArticleFilter { Query = "\"'&|!:*()<-> -- ; DROP TABLE x; \\ OR or - \" ' \u202E مرحبا" },
        });
        yield return Articles("ListArticles_QueryWithNul", InvalidArgument, "filter.query", _ => new() { Filter = new ArticleFilter { Query = "mayor\0" } });
        yield return Articles("ListArticles_EmptyOutlet", InvalidArgument, "filter.outlets[0]", _ => new() { Filter = new ArticleFilter { Outlets = { " " } } });
        yield return Articles("ListArticles_TenThousandEmptyOutlets", InvalidArgument, "filter.outlets[0]", _ => new()
        {
            Filter = new ArticleFilter { Outlets = { Enumerable.Repeat("", 10_000) } },
        });
        yield return Articles("ListArticles_OutletWithNul", InvalidArgument, "filter.outlets[1]", _ => new() { Filter = new ArticleFilter { Outlets = { "Courier", "Post\0" } } });
        yield return Attributions("ListAttributions_NegativePageSize", InvalidArgument, "page_size", _ => new() { PageSize = -100 });
        yield return Attributions("ListAttributions_HugePageSize", OK, null, _ => new() { PageSize = int.MaxValue });
        yield return Attributions("ListAttributions_ForgedToken", InvalidArgument, "page_token", _ => new() { PageToken = "AQEAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" });
        yield return Attributions("ListAttributions_TruncatedToken", InvalidArgument, "page_token", sut => new() { PageToken = sut.AttributionsPageToken[..10], PageSize = 1 });
        yield return Attributions("ListAttributions_TokenOfAnotherList", InvalidArgument, "page_token", sut => new() { PageToken = sut.ArticlesPageToken, PageSize = 1 });
        yield return Attributions("ListAttributions_UnknownSourcing", InvalidArgument, "filter.sourcing", _ => new() { Filter = new AttributionFilter { Sourcing = (Contracts.V1.Sourcing)42 } });
        yield return Attributions("ListAttributions_UnknownEntity", InvalidArgument, "filter.entity", _ => new() { Filter = new AttributionFilter { Entity = (EntityKind)(-3) } });
        yield return Attributions("ListAttributions_UnknownQuoteType", InvalidArgument, "filter.quote_type", _ => new() { Filter = new AttributionFilter { QuoteType = (QuoteType)int.MaxValue } });
        yield return Attributions("ListAttributions_NestedFilterInvalidTime", InvalidArgument, "filter.article_filter.start_time", _ => new()
        {
            Filter = new AttributionFilter { ArticleFilter = new ArticleFilter { StartTime = new Timestamp { Seconds = long.MinValue } } },
        });
        yield return Summary("Summary_UnspecifiedGrouping", InvalidArgument, "group_by", new());
        yield return Summary("Summary_UnknownGrouping", InvalidArgument, "group_by", new() { GroupBy = (SummaryGrouping)99 });
        yield return Summary("Summary_NegativeMaxGroups", InvalidArgument, "max_groups", new() { GroupBy = SummaryGrouping.Outlet, MaxGroups = -1 });
        yield return Summary("Summary_StartTimeInvalid", InvalidArgument, "filter.start_time", new()
        {
            GroupBy = SummaryGrouping.Day, Filter = new ArticleFilter { StartTime = new Timestamp { Seconds = long.MaxValue } },
        });
        yield return new("WatchAnalyses_ForgedCursor", InvalidArgument, "cursor", async (sut, deadline) =>
        {
            using var call = sut.Query.WatchAnalyses(new WatchAnalysesRequest { Cursor = "Zm9yZ2Vk" }, deadline: deadline);
            await call.ResponseStream.MoveNext();
        });
    }

    private static string Flip(string token)
    {
        var chars = token.ToCharArray();
        var middle = chars.Length / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new string(chars);
    }

    private static BadInputCase Get(string name, StatusCode expected, string? field, Func<SystemUnderTest, string> id) =>
        new(name, expected, field, (sut, deadline) =>
            sut.Query.GetArticleAsync(new GetArticleRequest { ArticleId = id(sut) }, deadline: deadline).ResponseAsync);

    private static BadInputCase Articles(string name, StatusCode expected, string? field, Func<SystemUnderTest, ListArticlesRequest> request) =>
        new(name, expected, field, (sut, deadline) => sut.Query.ListArticlesAsync(request(sut), deadline: deadline).ResponseAsync);

    private static BadInputCase Attributions(string name, StatusCode expected, string? field, Func<SystemUnderTest, ListAttributionsRequest> request) =>
        new(name, expected, field, (sut, deadline) => sut.Query.ListAttributionsAsync(request(sut), deadline: deadline).ResponseAsync);

    private static BadInputCase Summary(string name, StatusCode expected, string? field, GetSourcingSummaryRequest request) =>
        new(name, expected, field, (sut, deadline) => sut.Query.GetSourcingSummaryAsync(request, deadline: deadline).ResponseAsync);
}
