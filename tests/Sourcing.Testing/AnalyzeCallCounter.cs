using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Sourcing.Contracts.V1;

namespace Sourcing.Testing;

/// <summary>Counts how often the analysis service is asked to analyze each article (by AnalyzeArticle or in an AnalyzeArticles batch).</summary>
public sealed class AnalyzeCallCounter : Interceptor
{
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is AnalyzeArticleRequest analyze)
        {
            Count(analyze);
        }
        else if (request is AnalyzeArticlesRequest batch)
        {
            foreach (var article in batch.Articles)
            {
                Count(article);
            }
        }
        return continuation(request, context);
    }

    private void Count(AnalyzeArticleRequest article) => Calls.AddOrUpdate(article.ArticleId, 1, (_, n) => n + 1);
}
