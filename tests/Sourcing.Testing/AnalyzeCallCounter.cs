using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Sourcing.Contracts.V1;

namespace Sourcing.Testing;

/// <summary>Counts the AnalyzeArticle calls the analysis service receives, per article.</summary>
public sealed class AnalyzeCallCounter : Interceptor
{
    public ConcurrentDictionary<string, int> Calls { get; } = new();

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is AnalyzeArticleRequest analyze)
        {
            Calls.AddOrUpdate(analyze.ArticleId, 1, (_, n) => n + 1);
        }
        return continuation(request, context);
    }
}
