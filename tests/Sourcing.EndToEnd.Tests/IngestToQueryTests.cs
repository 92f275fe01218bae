using Grpc.Health.V1;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.EndToEnd.Tests;

public sealed class IngestToQueryTests(SourcingSystem system) : IClassFixture<SourcingSystem>
{
    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(20);

    [Fact]
    public async Task Services_AllThree_AnswerServingOnGrpcHealth()
    {
        foreach (var service in new[] { system.Analysis, system.Ingest, system.Query })
        {
            var health = await new Health.HealthClient(service.Channel).CheckAsync(new HealthCheckRequest(), deadline: Deadline);
            health.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
        }
    }

    [Fact]
    public async Task IngestArticle_SampleArticle_IsAnalyzedAndReturnedWithAttributionsByQuery()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Samples, "harbor-strike.txt"));
        var ingest = new IngestService.IngestServiceClient(system.Ingest.Channel);
        var query = new QueryService.QueryServiceClient(system.Query.Channel);

        var created = await ingest.IngestArticleAsync(new IngestArticleRequest
        {
            Title = lines[0],
            Body = string.Join('\n', lines.Skip(1)),
            ContentType = ContentType.Text,
            Outlet = "Calloway Courier",
            Url = "https://courier.example/harbor-strike",
        }, deadline: Deadline);
        var status = await Eventually.Until(
            async () => (await ingest.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { created.ArticleId } }, deadline: Deadline)).Statuses.Single(),
            s => s.State is ArticleState.Analyzed or ArticleState.Failed, TimeSpan.FromSeconds(60), "analysis");
        var article = await query.GetArticleAsync(new GetArticleRequest { ArticleId = created.ArticleId }, deadline: Deadline);

        created.Outcome.ShouldBe(IngestOutcome.Created);
        status.State.ShouldBe(ArticleState.Analyzed);
        article.Article.Title.ShouldBe(lines[0]);
        article.Article.Outlet.ShouldBe("Calloway Courier");
        article.Article.State.ShouldBe(ArticleState.Analyzed);
        article.Attributions.Count.ShouldBeGreaterThan(0);
        article.Article.AttributionCount.ShouldBe(article.Attributions.Count);
        foreach (var attribution in article.Attributions)
        {
            attribution.ArticleId.ShouldBe(created.ArticleId);
            attribution.Speaker.ShouldNotBeNullOrWhiteSpace();
            foreach (var span in new[] { attribution.Cue, attribution.Source, attribution.Content })
            {
                article.Article.Text[span.Start..span.End].ShouldBe(span.Text);
            }
        }
    }
}
