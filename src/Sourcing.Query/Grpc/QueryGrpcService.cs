using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Query.Data;
using Sourcing.Query.Lists;
using Sourcing.Query.Summaries;
using Sourcing.Query.Watch;

namespace Sourcing.Query.Grpc;

/// <summary>
/// Answers questions about stored articles and their sourcing. Methods not overridden here (speakers and
/// stories, issue 5) answer UNIMPLEMENTED.
/// </summary>
public sealed class QueryGrpcService(
    QueryDbContext db,
    ArticleList articles,
    AttributionList attributions,
    SourcingSummary summary,
    AnalysisWatch watch) : QueryService.QueryServiceBase
{
    public override Task<ListArticlesResponse> ListArticles(ListArticlesRequest request, ServerCallContext context) =>
        articles.ListAsync(request, context.CancellationToken);

    public override Task<ListAttributionsResponse> ListAttributions(ListAttributionsRequest request, ServerCallContext context) =>
        attributions.ListAsync(request, context.CancellationToken);

    public override Task<GetSourcingSummaryResponse> GetSourcingSummary(GetSourcingSummaryRequest request, ServerCallContext context) =>
        summary.GetAsync(request, context.CancellationToken);

    public override Task StreamAttributions(StreamAttributionsRequest request,
        IServerStreamWriter<StreamAttributionsResponse> responseStream, ServerCallContext context) =>
        attributions.StreamAsync(request.Filter,
            a => responseStream.WriteAsync(new StreamAttributionsResponse { Attribution = a }, context.CancellationToken),
            context.CancellationToken);

    public override async Task WatchAnalyses(WatchAnalysesRequest request,
        IServerStreamWriter<WatchAnalysesResponse> responseStream, ServerCallContext context)
    {
        try
        {
            // Headers go out once the watch listens, so a client knows that what completes from then on reaches it.
            await watch.WatchAsync(request, () => context.WriteResponseHeadersAsync([]),
                e => responseStream.WriteAsync(e, context.CancellationToken), context.CancellationToken);
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The client went away: a watch never ends otherwise.
        }
    }

    public override async Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.ArticleId, out var id))
        {
            RpcErrors.ThrowInvalidArgument("article_id", $"'{request.ArticleId}' is not an article id.");
        }
        var article = await db.Articles.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("Article", request.ArticleId);
        var analysis = await db.Analyses.AsNoTracking().FirstOrDefaultAsync(a => a.ArticleId == id, context.CancellationToken);
        var attributions = await db.Attributions.AsNoTracking()
            .Where(a => a.ArticleId == id)
            .OrderBy(a => a.Ordinal)
            .ToListAsync(context.CancellationToken);
        var response = new GetArticleResponse { Article = ArticleMapper.ToProto(article, analysis, withText: true) };
        response.Attributions.AddRange(attributions.Select(ArticleMapper.ToProto));
        return response;
    }
}
