using Grpc.Core;
using Sourcing.Contracts.Security;
using Sourcing.Contracts.V1;

namespace Sourcing.Security.Tests.Functional;

[Collection(SecuredSystem.Collection)]
public sealed class KeyLoggingTests(SecuredSystem system)
{
    [Fact]
    public async Task Calls_WithAcceptedRefusedAndUnknownKeys_NeverLogAKey()
    {
        var stranger = new TestKey("stranger", "write");
        var ingested = await system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(40), TestKey.Writer.Headers, SecuredSystem.Deadline());
        await Should.ThrowAsync<RpcException>(() => system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(41),
            TestKey.Reader.Headers, SecuredSystem.Deadline()).ResponseAsync);
        await Should.ThrowAsync<RpcException>(() => system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(42),
            stranger.Headers, SecuredSystem.Deadline()).ResponseAsync);
        await Sourcing.Testing.Eventually.Until(
            async () => (await system.IngestClient.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { ingested.ArticleId } },
                TestKey.Writer.Headers, SecuredSystem.Deadline())).Statuses.Single().State,
            s => s == ArticleState.Analyzed, TimeSpan.FromSeconds(60), "the dispatcher's call with the service key");

        var records = system.IngestLogs.Records;

        records.ShouldContain(r => r.StartsWith("[Trace]"), "the capture must see every level");
        records.ShouldContain(r => r.Contains("key test-reader") && r.Contains("lacks scope write"));
        records.ShouldContain(r => r.Contains("unknown API key"));
        foreach (var key in new[] { TestKey.Writer.Key, TestKey.Reader.Key, TestKey.Service.Key, stranger.Key })
        {
            var secretPart = key.Substring(ApiKeys.KeyPrefix.Length, 16);
            records.Where(r => r.Contains(secretPart, StringComparison.Ordinal)).ShouldBeEmpty();
        }
    }
}
