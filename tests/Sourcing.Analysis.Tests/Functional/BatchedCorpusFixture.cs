using Sourcing.Contracts.V1;

namespace Sourcing.Analysis.Tests.Functional;

/// <summary>The same corpus in the same order, analyzed in one AnalyzeArticles batch: speakers and stories must come out as they do article by article.</summary>
public sealed class BatchedCorpusFixture : CorpusFixture
{
    protected override async Task AnalyzeAsync(AnalysisService.AnalysisServiceClient client, IReadOnlyList<AnalyzeArticleRequest> requests)
    {
        var batch = new AnalyzeArticlesRequest();
        batch.Articles.AddRange(requests);
        var response = await client.AnalyzeArticlesAsync(batch, deadline: DateTime.UtcNow.AddSeconds(60));
        response.Results.Select(r => r.ArticleId).ShouldBe(requests.Select(r => r.ArticleId));
        response.Results.ShouldAllBe(r => r.Response != null);
    }
}
