using Google.Rpc;
using Grpc.Core;
using Sourcing.Contracts.V1;

namespace Sourcing.Ingest.Tests.Functional;

public sealed class RequestIdTests(IngestServiceFixture fixture) : IClassFixture<IngestServiceFixture>
{
    private IngestService.IngestServiceClient Client => new(fixture.Ingest.Channel);

    private static IngestArticleRequest Request(string requestId, string body) => new()
    {
        RequestId = requestId,
        Body = body,
        ContentType = ContentType.Text,
    };

    [Fact]
    public async Task IngestArticle_SameRequestIdAgain_ReturnsTheFirstResponseNotDuplicate()
    {
        var requestId = Guid.NewGuid().ToString();
        var request = Request(requestId, $"The tunnel opens in June, the minister said. {Guid.NewGuid()}");

        var first = await Client.IngestArticleAsync(request, deadline: DateTime.UtcNow.AddSeconds(20));
        var replay = await Client.IngestArticleAsync(request, deadline: DateTime.UtcNow.AddSeconds(20));

        first.Outcome.ShouldBe(IngestOutcome.Created);
        replay.ShouldBe(first);
    }

    [Fact]
    public async Task IngestArticle_SameRequestIdOtherBody_InvalidArgumentOnRequestId()
    {
        var requestId = Guid.NewGuid().ToString();
        await Client.IngestArticleAsync(Request(requestId, $"First body. {Guid.NewGuid()}"), deadline: DateTime.UtcNow.AddSeconds(20));

        var error = await Should.ThrowAsync<RpcException>(() => Client.IngestArticleAsync(
            Request(requestId, $"Second body. {Guid.NewGuid()}"), deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("request_id");
    }

    [Fact]
    public async Task IngestArticle_ConcurrentRepeatsOfOneRequest_AllGetOneArticle()
    {
        var request = Request(Guid.NewGuid().ToString(), $"Race, the clerk said. {Guid.NewGuid()}");

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Client.IngestArticleAsync(request, deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync));

        responses.Select(r => r.ArticleId).Distinct().ShouldHaveSingleItem();
        responses.ShouldAllBe(r => r.Outcome == IngestOutcome.Created);
    }
}
