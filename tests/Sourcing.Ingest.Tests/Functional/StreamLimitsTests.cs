using Google.Rpc;
using Grpc.Core;
using Sourcing.Contracts.V1;

namespace Sourcing.Ingest.Tests.Functional;

public sealed class StreamLimitsTests(IngestServiceFixture fixture) : IClassFixture<IngestServiceFixture>
{
    private IngestService.IngestServiceClient Client => new(fixture.Ingest.Channel);

    [Fact]
    public async Task IngestArticle_MessageOverTheTransportLimit_ResourceExhausted()
    {
        var request = new IngestArticleRequest { Body = new string('x', 5 * 1024 * 1024), ContentType = ContentType.Text };

        var error = await Should.ThrowAsync<RpcException>(() =>
            Client.IngestArticleAsync(request, deadline: DateTime.UtcNow.AddSeconds(30)).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
    }

    [Fact]
    public async Task IngestArticles_ClientThatNeverReadsResponses_IsHeldBackInsteadOfBuffered()
    {
        using var call = Client.IngestArticles(deadline: DateTime.UtcNow.AddMinutes(2));
        var written = 0;
        var body = new string('w', 16 * 1024) + " the mayor said.";
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 5_000; i++)
            {
                await call.RequestStream.WriteAsync(new IngestArticlesRequest
                {
                    Article = new IngestArticleRequest { Body = $"{i} {Guid.NewGuid()} {body}", ContentType = ContentType.Text },
                });
                Interlocked.Increment(ref written);
            }
            await call.RequestStream.CompleteAsync();
        });

        await Task.Delay(TimeSpan.FromSeconds(3));
        var writtenWhileNotReading = Volatile.Read(ref written);
        var read = 0;
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            response.Index.ShouldBe(read++);
        }
        await writing.WaitAsync(TimeSpan.FromMinutes(1));

        writtenWhileNotReading.ShouldBeLessThan(5_000);
        read.ShouldBe(5_000);
    }

    [Fact]
    public async Task IngestArticle_BodyOverConfiguredLimitButUnderTransportLimit_FieldViolationWithSize()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.IngestArticleAsync(
            new IngestArticleRequest { Body = new string('y', 20_000), ContentType = ContentType.Text },
            deadline: DateTime.UtcNow.AddSeconds(20)).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Description.ShouldContain("20000");
    }
}
