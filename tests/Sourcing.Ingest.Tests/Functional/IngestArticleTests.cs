using Google.Rpc;
using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Ingest.Tests.Functional;

public sealed class IngestArticleTests(IngestServiceFixture fixture) : IClassFixture<IngestServiceFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private IngestService.IngestServiceClient Client => new(fixture.Ingest.Channel);

    private static IngestArticleRequest Article(string body, string externalId = "") => new()
    {
        Title = "Harbor pilots end strike",
        Body = body,
        ContentType = ContentType.Text,
        Outlet = "Coastline Courier",
        ExternalId = externalId,
    };

    [Fact]
    public async Task IngestArticle_NewArticle_StoresArticleAndOutboxRow()
    {
        var response = await Client.IngestArticleAsync(
            Article($"The pilots voted to return, the union said. {Guid.NewGuid()}"), deadline: DateTime.UtcNow + Deadline);

        response.Outcome.ShouldBe(IngestOutcome.Created);
        response.State.ShouldBe(ArticleState.Queued);
        var id = Guid.Parse(response.ArticleId);
        (await Sql.ScalarAsync<string>(fixture.ConnectionString, "SELECT outlet FROM ingest.articles WHERE id = $1", id))
            .ShouldBe("Coastline Courier");
        (await Sql.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM ingest.outbox WHERE article_id = $1", id))
            .ShouldBe(1);
    }

    [Fact]
    public async Task IngestArticle_SameTextWithOtherWhitespace_ReturnsDuplicateOfFirst()
    {
        var marker = Guid.NewGuid();
        var first = await Client.IngestArticleAsync(Article($"The port reopened, officials said. {marker}"), deadline: DateTime.UtcNow + Deadline);

        var second = await Client.IngestArticleAsync(Article($"  The port  reopened,\r\nofficials said. {marker} \n"), deadline: DateTime.UtcNow + Deadline);

        second.Outcome.ShouldBe(IngestOutcome.Duplicate);
        second.ArticleId.ShouldBe(first.ArticleId);
        (await Sql.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM ingest.articles WHERE text LIKE $1", $"%{marker}%"))
            .ShouldBe(1);
    }

    [Fact]
    public async Task IngestArticle_SameExternalIdOtherText_ReturnsDuplicateOfFirst()
    {
        var externalId = $"wire-{Guid.NewGuid()}";
        var first = await Client.IngestArticleAsync(Article("First version of the story.", externalId), deadline: DateTime.UtcNow + Deadline);

        var second = await Client.IngestArticleAsync(Article("A corrected version of the story.", externalId), deadline: DateTime.UtcNow + Deadline);

        second.Outcome.ShouldBe(IngestOutcome.Duplicate);
        second.ArticleId.ShouldBe(first.ArticleId);
    }

    [Fact]
    public async Task IngestArticle_EmptyBodyAndNoContentType_InvalidArgumentWithFieldViolationsAndNothingStored()
    {
        var before = await Sql.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM ingest.articles");

        var error = await Should.ThrowAsync<RpcException>(() => Client.IngestArticleAsync(
            new IngestArticleRequest { Body = " ", Url = "not-a-url" }, deadline: DateTime.UtcNow + Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        var status = error.GetRpcStatus().ShouldNotBeNull();
        status.GetDetail<ErrorInfo>().ShouldNotBeNull().Domain.ShouldBe("sourcing.v1");
        status.GetDetail<BadRequest>().ShouldNotBeNull().FieldViolations.Select(v => v.Field)
            .ShouldBe(["body", "content_type", "url"], ignoreOrder: true);
        (await Sql.ScalarAsync<long>(fixture.ConnectionString, "SELECT count(*) FROM ingest.articles")).ShouldBe(before);
    }

    [Fact]
    public async Task IngestArticle_BodyOverConfiguredLimit_InvalidArgument()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.IngestArticleAsync(
            Article(new string('a', 10_001)), deadline: DateTime.UtcNow + Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("body");
    }

    [Fact]
    public async Task IngestArticles_StreamWithBadItemInMiddle_AnswersEveryItemInOrder()
    {
        using var call = Client.IngestArticles(deadline: DateTime.UtcNow + Deadline);
        var bodies = new[] { $"One, she said. {Guid.NewGuid()}", "", $"Three, he said. {Guid.NewGuid()}" };
        foreach (var body in bodies)
        {
            await call.RequestStream.WriteAsync(new IngestArticlesRequest { Article = Article(body) });
        }
        await call.RequestStream.CompleteAsync();

        var responses = new List<IngestArticlesResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        responses.Select(r => r.Index).ShouldBe([0L, 1L, 2L]);
        responses[0].Response.Outcome.ShouldBe(IngestOutcome.Created);
        responses[1].Error.Code.ShouldBe((int)Code.InvalidArgument);
        responses[1].Error.Details.ShouldContain(d => d.Is(BadRequest.Descriptor));
        responses[2].Response.Outcome.ShouldBe(IngestOutcome.Created);
    }

    [Fact]
    public async Task IngestArticles_SameTextTwiceInOneStream_SecondIsDuplicateOfFirst()
    {
        using var call = Client.IngestArticles(deadline: DateTime.UtcNow + Deadline);
        var marker = Guid.NewGuid();
        foreach (var body in new[] { $"The quay reopened, the port said. {marker}", $"The quay  reopened,\nthe port said. {marker}" })
        {
            await call.RequestStream.WriteAsync(new IngestArticlesRequest { Article = Article(body) });
        }
        await call.RequestStream.CompleteAsync();

        var responses = new List<IngestArticlesResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        responses[0].Response.Outcome.ShouldBe(IngestOutcome.Created);
        responses[1].Response.Outcome.ShouldBe(IngestOutcome.Duplicate);
        responses[1].Response.ArticleId.ShouldBe(responses[0].Response.ArticleId);
    }

    [Fact]
    public async Task GetIngestStatus_KnownUnknownAndMalformedIds_ReportsKnownAndRejectsMalformed()
    {
        var created = await Client.IngestArticleAsync(Article($"Status check, the clerk said. {Guid.NewGuid()}"), deadline: DateTime.UtcNow + Deadline);

        var status = await Client.GetIngestStatusAsync(
            new GetIngestStatusRequest { ArticleIds = { created.ArticleId, Guid.NewGuid().ToString() } }, deadline: DateTime.UtcNow + Deadline);
        var malformed = await Should.ThrowAsync<RpcException>(() => Client.GetIngestStatusAsync(
            new GetIngestStatusRequest { ArticleIds = { "nope" } }, deadline: DateTime.UtcNow + Deadline).ResponseAsync);

        var only = status.Statuses.ShouldHaveSingleItem();
        only.ArticleId.ShouldBe(created.ArticleId);
        only.State.ShouldBe(ArticleState.Queued);
        only.ReceiveTime.ShouldNotBeNull();
        malformed.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        malformed.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("article_ids[0]");
    }
}
