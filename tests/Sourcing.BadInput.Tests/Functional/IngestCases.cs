using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sourcing.Contracts.V1;
using static Grpc.Core.StatusCode;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>Hostile and malformed requests to IngestService.</summary>
public static class IngestCases
{
    private const int ConfiguredLimit = 2 * 1024 * 1024;

    public static IEnumerable<BadInputCase> All()
    {
        yield return Article("Body_Empty", InvalidArgument, "body", Text(""));
        yield return Article("Body_WhitespaceOnly", InvalidArgument, "body", Text(" \t\r\n \u00A0 "));
        yield return Article("Body_OnlyControlCharacters", InvalidArgument, "body", Text("\u0001\u0002\u0007\u001B\u007F"));
        yield return Article("Body_OnlyZeroWidthCharacters", InvalidArgument, "body", Text("\u200B\uFEFF\u200B"));
        yield return Article("Body_NulCharacter", InvalidArgument, "body", Text("The mayor\0 said the bridge would close."));
        yield return Article("Body_OverConfiguredLimit", InvalidArgument, "body", Text(new string('a', ConfiguredLimit + 1))) with { Deadline = Long };
        yield return Article("Body_MultiByteOverConfiguredLimitInBytes", InvalidArgument, "body",
            Text(string.Concat(Enumerable.Repeat("€", ConfiguredLimit / 3 + 1)))) with { Deadline = Long };
        yield return Article("Body_OverTransportLimit", ResourceExhausted, null, Text(new string('x', 5 * 1024 * 1024))) with { Deadline = Long };
        yield return Accepted("Body_MegabytesOfOneUnbrokenWord", () => Text(Unique() + new string('w', ConfiguredLimit - 100))) with { Deadline = Long };
        yield return Accepted("Body_ControlCharactersAmongText", () => Text(
            $"{Unique()}\u0001 The mayor\u0008 said\u001B[31m on Monday\u0007 that the bridge would close.\u000B\u000C"));
        yield return Accepted("Body_MixedScriptsAndRightToLeft", () => Text(
            $"{Unique()} \u202EThe mayor said\u202C «مرحبا بالعالم» — שלום עולם — 你好世界 — Привет мир, \u200Fsaid Lena Holm on Monday."));
        yield return Accepted("Body_CombiningMarksFlood", () => Text(Unique() + " The mayor said e" + new string('\u0301', 100_000) + "."));
        yield return Accepted("Body_AstralPlaneAndEmoji", () => Text($"{Unique()} 𝔗𝔥𝔢 mayor 👩🏽‍🚒 said 🏳️‍🌈 the 𠜎 bridge would close."));
        yield return Accepted("Body_ScriptTagsAsPlainText", () => Text($"{Unique()} <script>alert('x')</script> the mayor said &amp; &#0; &#xD800;."));
        yield return Accepted("Html_ScriptsAndEntities", () => Html(
            $"<html><head><script>while(true){{}}</script><style>*{{}}</style></head><body><p>{Unique()} &lt;b&gt; &amp;amp; &#x1F600; &#0; &#xD800; &#99999999; &nbsp; the mayor said.</p><script>document.write('x')</script></body></html>"));
        yield return Article("Html_OnlyScriptsAndBoilerplate", InvalidArgument, "body",
            Html("<html><body><script>alert(1)</script><nav>Home</nav><footer>(c)</footer></body></html>"));
        yield return Article("Html_100000NestedTags", InvalidArgument, "body", Html(
            string.Concat(Enumerable.Repeat("<div>", 100_000)) + "The mayor said." + string.Concat(Enumerable.Repeat("</div>", 100_000))));
        yield return Article("Html_100000UnclosedTags", InvalidArgument, "body", Html(
            string.Concat(Enumerable.Repeat("<span><b><i>", 33_334)) + "The mayor said."));
        yield return Accepted("Html_1000NestedTagsAnd50000Paragraphs", () => Html(
            string.Concat(Enumerable.Repeat("<div>", 1000)) + Unique() + string.Concat(Enumerable.Repeat("<p>Rain fell on the town.", 50_000)) +
            string.Concat(Enumerable.Repeat("</div>", 1000)))) with { Deadline = Long };
        yield return Article("ContentType_Unspecified", InvalidArgument, "content_type", new() { Body = "The mayor said." });
        yield return Article("ContentType_UnknownValue", InvalidArgument, "content_type", new() { Body = "The mayor said.", ContentType = (ContentType)99 });
        yield return Article("ContentType_NegativeValue", InvalidArgument, "content_type", new() { Body = "The mayor said.", ContentType = (ContentType)(-1) });
        yield return Article("Url_Relative", InvalidArgument, "url", Text("The mayor said.", url: "/news/1"));
        yield return Article("Url_JavascriptScheme", InvalidArgument, "url", Text("The mayor said.", url: "javascript:alert(1)"));
        yield return Article("Url_FileScheme", InvalidArgument, "url", Text("The mayor said.", url: "file:///etc/passwd"));
        yield return Article("Url_NoHost", InvalidArgument, "url", Text("The mayor said.", url: "http://"));
        yield return Article("Url_TooLong", InvalidArgument, "url", Text("The mayor said.", url: "https://example.com/" + new string('a', 3000)));
        yield return Article("Url_ControlCharacters", InvalidArgument, "url", Text("The mayor said.", url: "http://exa\0mple.com/\u0001"));
        yield return Article("PublishTime_Before1800", InvalidArgument, "publish_time", Text("The mayor said.", published: Timestamp.FromDateTime(new DateTime(1799, 12, 31, 0, 0, 0, DateTimeKind.Utc))));
        yield return Article("PublishTime_FarFuture", InvalidArgument, "publish_time", Text("The mayor said.", published: Timestamp.FromDateTime(new DateTime(3000, 1, 1, 0, 0, 0, DateTimeKind.Utc))));
        yield return Article("PublishTime_SecondsOutOfRange", InvalidArgument, "publish_time", Text("The mayor said.", published: new Timestamp { Seconds = long.MaxValue }));
        yield return Article("PublishTime_NegativeNanos", InvalidArgument, "publish_time", Text("The mayor said.", published: new Timestamp { Seconds = 1_600_000_000, Nanos = -1 }));
        yield return Article("PublishTime_NanosOverOneSecond", InvalidArgument, "publish_time", Text("The mayor said.", published: new Timestamp { Seconds = 1_600_000_000, Nanos = 1_000_000_000 }));
        yield return Article("RequestId_TooLong", InvalidArgument, "request_id", Text("The mayor said.").With(r => r.RequestId = new string('r', 129)));
        yield return Article("Title_TooLong", InvalidArgument, "title", Text("The mayor said.").With(r => r.Title = new string('t', 1001)));
        yield return Article("Title_NulCharacterDroppedByNormalization", OK, null, Text($"{Unique()} The mayor said.").With(r => r.Title = "Bridge\0closes"));
        yield return Article("Byline_NulCharacter", InvalidArgument, "byline", Text("The mayor said.").With(r => r.Byline = "By\0 Jane Roe"));
        yield return Article("RequestId_NulCharacter", InvalidArgument, "request_id", Text("The mayor said.").With(r => r.RequestId = "id\0"));
        yield return Article("Outlet_TooLong", InvalidArgument, "outlet", Text("The mayor said.").With(r => r.Outlet = new string('o', 201)));
        yield return Article("Outlet_NulCharacter", InvalidArgument, "outlet", Text("The mayor said.").With(r => r.Outlet = "Courier\0"));
        yield return Article("Byline_TooLong", InvalidArgument, "byline", Text("The mayor said.").With(r => r.Byline = new string('b', 501)));
        yield return Article("ExternalId_TooLong", InvalidArgument, "external_id", Text("The mayor said.").With(r => r.ExternalId = new string('e', 513)));
        yield return Article("ExternalId_NulCharacter", InvalidArgument, "external_id", Text("The mayor said.").With(r => r.ExternalId = "\0"));
        yield return Article("ManyFields_AllReported", InvalidArgument, "content_type", new() { Body = "", Url = "ftp://x", ContentType = (ContentType)7 });
        yield return DuplicateRequestIdWithDifferentBody();
        yield return Stream("Stream_ItemWithoutArticle", InvalidArgument, "article", [new IngestArticlesRequest()]);
        yield return Stream("Stream_ItemWithEmptyBody", InvalidArgument, "body", [new IngestArticlesRequest { Article = Text("") }]);
        yield return Stream("Stream_ItemOverTransportLimit", ResourceExhausted, null,
            [new IngestArticlesRequest { Article = Text(new string('x', 5 * 1024 * 1024)) }]) with { Deadline = Long };
        yield return Stream("Stream_NoItems", OK, null, []);
        yield return Status("Status_NoIds", InvalidArgument, "article_ids", []);
        yield return Status("Status_TooManyIds", InvalidArgument, "article_ids", [.. Enumerable.Range(0, 1001).Select(_ => Guid.NewGuid().ToString())]);
        yield return Status("Status_MalformedId", InvalidArgument, "article_ids[0]", ["not-a-guid"]);
        yield return Status("Status_SecondIdMalformed", InvalidArgument, "article_ids[1]", [Guid.NewGuid().ToString(), "12345"]);
        yield return Status("Status_SqlInjectionId", InvalidArgument, "article_ids[0]", ["'; DROP TABLE ingest.articles; --"]);
        yield return Status("Status_UnknownId", OK, null, [Guid.NewGuid().ToString()]);
        yield return Status("Status_HugeMalformedId", InvalidArgument, "article_ids[0]", [new string('9', 1_000_000)]);
    }

    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    private static string Unique() => Guid.NewGuid().ToString("N");

    private static IngestArticleRequest Text(string body, string url = "", Timestamp? published = null) =>
        new() { Body = body, ContentType = ContentType.Text, Url = url, PublishTime = published };

    private static IngestArticleRequest Html(string body) => new() { Body = body, ContentType = ContentType.Html };

    // A tiny "with" for protobuf messages, so a case stays on one line.
    private static IngestArticleRequest With(this IngestArticleRequest request, Action<IngestArticleRequest> change)
    {
        change(request);
        return request;
    }

    private static BadInputCase Article(string name, StatusCode expected, string? field, IngestArticleRequest request) =>
        new(name, expected, field, (sut, deadline) => sut.Ingest.IngestArticleAsync(request, deadline: deadline).ResponseAsync);

    /// <summary>Accepted: stored once and analyzed, within the deadline and without a hang.</summary>
    private static BadInputCase Accepted(string name, Func<IngestArticleRequest> request) =>
        new(name, OK, null, (sut, deadline) => sut.IngestAndAwaitAnalysisAsync(request(), deadline));

    private static BadInputCase Stream(string name, StatusCode expected, string? field, IngestArticlesRequest[] items) =>
        new(name, expected, field, (sut, deadline) => sut.IngestStreamAsync(items, deadline));

    private static BadInputCase Status(string name, StatusCode expected, string? field, string[] ids) =>
        new(name, expected, field, (sut, deadline) =>
            sut.Ingest.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { ids } }, deadline: deadline).ResponseAsync);

    private static BadInputCase DuplicateRequestIdWithDifferentBody()
    {
        var requestId = "dup-" + Unique();
        return new BadInputCase("RequestId_RepeatedWithDifferentBody", InvalidArgument, "request_id", (sut, deadline) =>
            sut.Ingest.IngestArticleAsync(Text("The harbor master said the ferry would run.").With(r => r.RequestId = requestId), deadline: deadline).ResponseAsync)
        {
            Arrange = (sut, deadline) => sut.IngestAndAwaitAnalysisAsync(
                Text($"{Unique()} The mayor said the bridge would close.").With(r => r.RequestId = requestId), deadline),
        };
    }
}
