using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Sourcing.Contracts.V1;

namespace Sourcing.Testing;

/// <summary>
/// Counts how often the analysis service is asked to analyze each article (by AnalyzeArticle or in an AnalyzeArticles
/// batch), and the most calls it had in flight at once.
/// </summary>
public sealed class AnalyzeCallCounter : Interceptor
{
    private int _inFlight;
    private int _mostInFlight;

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public int MostInFlight => Volatile.Read(ref _mostInFlight);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
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
        var inFlight = Interlocked.Increment(ref _inFlight);
        int most;
        while ((most = Volatile.Read(ref _mostInFlight)) < inFlight && Interlocked.CompareExchange(ref _mostInFlight, inFlight, most) != most)
        {
        }
        try
        {
            return await continuation(request, context);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void Count(AnalyzeArticleRequest article) => Calls.AddOrUpdate(article.ArticleId, 1, (_, n) => n + 1);
}
