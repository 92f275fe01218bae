using Grpc.Core;
using Grpc.Health.V1;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Security.Tests.Functional;

[Collection(SecuredSystem.Collection)]
public sealed class AuthorizationTests(SecuredSystem system)
{
    [Fact]
    public async Task IngestArticle_NoKey_UnauthenticatedSayingHowToSendOne()
    {
        var error = await SecuredSystem.RefusedAsync(() =>
            system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(1), deadline: SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        error.Status.Detail.ShouldBe("missing API key: send 'authorization: Bearer <key>'");
        error.Info().Reason.ShouldBe("API_KEY_MISSING");
    }

    [Theory]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task IngestArticle_MalformedHeader_Unauthenticated(string header)
    {
        var error = await SecuredSystem.RefusedAsync(() => system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(2),
            new Metadata { { "authorization", header } }, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        error.Info().Reason.ShouldBe("API_KEY_MISSING");
    }

    [Fact]
    public async Task IngestArticle_UnknownKey_Unauthenticated()
    {
        var stranger = new TestKey("stranger", "write");

        var error = await SecuredSystem.RefusedAsync(() => system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(3),
            stranger.Headers, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        error.Info().Reason.ShouldBe("API_KEY_UNKNOWN");
    }

    [Fact]
    public async Task IngestArticle_ReadKey_PermissionDeniedNamingWrite()
    {
        var error = await SecuredSystem.RefusedAsync(() => system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(4),
            TestKey.Reader.Headers, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        error.Status.Detail.ShouldContain("'write' scope");
        error.Info().Reason.ShouldBe("API_KEY_SCOPE_MISSING");
        error.Info().Metadata["required_scope"].ShouldBe("write");
    }

    [Fact]
    public async Task IngestArticle_WriteKey_AnalyzedThroughTheServiceKeyAndReadableWithReadKey()
    {
        var ingested = await system.IngestClient.IngestArticleAsync(SecuredSystem.NewArticle(5), TestKey.Writer.Headers, SecuredSystem.Deadline());

        var state = await Eventually.Until(
            async () => (await system.IngestClient.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { ingested.ArticleId } },
                TestKey.Reader.Headers, SecuredSystem.Deadline())).Statuses.Single().State,
            s => s is ArticleState.Analyzed or ArticleState.Failed, TimeSpan.FromSeconds(60), "the article's analysis");
        var article = await system.QueryClient.GetArticleAsync(new GetArticleRequest { ArticleId = ingested.ArticleId },
            TestKey.Reader.Headers, SecuredSystem.Deadline());

        state.ShouldBe(ArticleState.Analyzed);
        article.Attributions.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task IngestArticles_WriteKey_StreamsAndNoKeyIsRefused()
    {
        using (var call = system.IngestClient.IngestArticles(TestKey.Writer.Headers, SecuredSystem.Deadline()))
        {
            await call.RequestStream.WriteAsync(new IngestArticlesRequest { Article = SecuredSystem.NewArticle(6) });
            await call.RequestStream.WriteAsync(new IngestArticlesRequest { Article = SecuredSystem.NewArticle(7) });
            await call.RequestStream.CompleteAsync();
            var responses = await call.ResponseStream.ReadAllAsync().ToListAsync();
            responses.Count.ShouldBe(2);
            responses.ShouldAllBe(r => r.Error == null);
        }
        using var refused = system.IngestClient.IngestArticles(deadline: SecuredSystem.Deadline());
        var error = await SecuredSystem.RefusedAsync(() => refused.ResponseStream.MoveNext());
        error.StatusCode.ShouldBe(StatusCode.Unauthenticated);
    }

    [Fact]
    public async Task ListArticles_ReadOrWriteKey_Answers()
    {
        await system.QueryClient.ListArticlesAsync(new ListArticlesRequest(), TestKey.Reader.Headers, SecuredSystem.Deadline());
        await system.QueryClient.ListArticlesAsync(new ListArticlesRequest(), TestKey.Writer.Headers, SecuredSystem.Deadline());
    }

    [Fact]
    public async Task ListArticles_ServiceKey_PermissionDenied()
    {
        var error = await SecuredSystem.RefusedAsync(() => system.QueryClient.ListArticlesAsync(new ListArticlesRequest(),
            TestKey.Service.Headers, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        error.Info().Metadata["required_scope"].ShouldBe("read");
    }

    [Fact]
    public async Task AnalyzeArticle_WriteKey_PermissionDeniedNamingService()
    {
        var request = new AnalyzeArticleRequest { ArticleId = Guid.NewGuid().ToString(), Text = "\"Yes,\" she said." };

        var error = await SecuredSystem.RefusedAsync(() =>
            system.AnalysisClient.AnalyzeArticleAsync(request, TestKey.Writer.Headers, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        error.Info().Metadata["required_scope"].ShouldBe("service");
    }

    [Fact]
    public async Task Analyze_ServiceKey_AnswersAndReadKeyIsRefused()
    {
        var request = new AnalyzeRequest { Text = "\"The bridge will reopen,\" Mayor Ada Brandt said on Monday." };

        var response = await system.AnalysisClient.AnalyzeAsync(request, TestKey.Service.Headers, SecuredSystem.Deadline());
        var error = await SecuredSystem.RefusedAsync(() =>
            system.AnalysisClient.AnalyzeAsync(request, TestKey.Reader.Headers, SecuredSystem.Deadline()).ResponseAsync);

        response.Attributions.ShouldNotBeEmpty();
        error.StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task Reanalysis_ReadKeyRefusedAndWriteKeyAdmitted()
    {
        var request = new GetReanalysisRequest { JobId = Guid.NewGuid().ToString() };

        var refused = await SecuredSystem.RefusedAsync(() =>
            system.AnalysisClient.GetReanalysisAsync(request, TestKey.Reader.Headers, SecuredSystem.Deadline()).ResponseAsync);
        var admitted = await SecuredSystem.RefusedAsync(() =>
            system.AnalysisClient.GetReanalysisAsync(request, TestKey.Writer.Headers, SecuredSystem.Deadline()).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        admitted.StatusCode.ShouldBe(StatusCode.NotFound);
    }

    [Fact]
    public async Task HealthCheck_NoKey_Serving()
    {
        foreach (var host in new[] { system.Ingest, system.Analysis, system.Query })
        {
            var response = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest(), deadline: SecuredSystem.Deadline());
            response.Status.ShouldBe(HealthCheckResponse.Types.ServingStatus.Serving);
        }
    }

    [Fact]
    public async Task ListArticles_OverTheKeysBurst_ResourceExhaustedWithRetryInfo()
    {
        var request = new ListArticlesRequest { PageSize = 1 };
        for (var i = 0; i < TestKey.Limited.Burst; i++)
        {
            await system.QueryClient.ListArticlesAsync(request, TestKey.Limited.Headers, SecuredSystem.Deadline());
        }

        var error = await SecuredSystem.RefusedAsync(() =>
            system.QueryClient.ListArticlesAsync(request, TestKey.Limited.Headers, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.ResourceExhausted);
        error.Info().Reason.ShouldBe("RATE_LIMITED");
        var delay = error.Retry()!.RetryDelay.ToTimeSpan();
        delay.ShouldBeGreaterThan(TimeSpan.Zero);
        delay.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(20));
        int.Parse(error.Trailers.GetValue("retry-after")!, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(0);
    }
}
