using Sourcing.Contracts.Security;

namespace Sourcing.Security.Tests.Unit;

public sealed class MethodScopesTests
{
    [Theory]
    [InlineData("/sourcing.v1.IngestService/IngestArticle", ApiScopes.Write)]
    [InlineData("/sourcing.v1.IngestService/IngestArticles", ApiScopes.Write)]
    [InlineData("/sourcing.v1.IngestService/GetIngestStatus", ApiScopes.Read)]
    [InlineData("/sourcing.v1.AnalysisService/Analyze", ApiScopes.Service)]
    [InlineData("/sourcing.v1.AnalysisService/AnalyzeArticle", ApiScopes.Service)]
    [InlineData("/sourcing.v1.AnalysisService/Reanalyze", ApiScopes.Write)]
    [InlineData("/sourcing.v1.AnalysisService/GetReanalysis", ApiScopes.Write)]
    [InlineData("/sourcing.v1.QueryService/GetArticle", ApiScopes.Read)]
    [InlineData("/sourcing.v1.QueryService/WatchAnalyses", ApiScopes.Read)]
    [InlineData("/grpc.health.v1.Health/Check", ApiScopes.None)]
    [InlineData("/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", ApiScopes.None)]
    [InlineData("/sourcing.v2.NewService/Anything", ApiScopes.Service)]
    public void For_Method_NeedsItsScope(string method, ApiScopes expected)
    {
        MethodScopes.For(method).ShouldBe(expected);
    }
}
