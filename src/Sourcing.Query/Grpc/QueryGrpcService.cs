using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Query.Lists;
using Sourcing.Query.Stories;
using Sourcing.Query.Summaries;
using Sourcing.Query.Watch;

namespace Sourcing.Query.Grpc;

/// <summary>
/// Answers questions about stored articles and their sourcing.
/// </summary>
public sealed class QueryGrpcService(
    ArticleDetail article,
    ArticleList articles,
    AttributionList attributions,
    SourcingSummary summary,
    AnalysisWatch watch,
    SpeakerDirectory speakers,
    StoryComparison stories) : QueryService.QueryServiceBase
{
    public override Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context) =>
        speakers.ListAsync(request, context.CancellationToken);

    public override Task<GetSpeakerResponse> GetSpeaker(GetSpeakerRequest request, ServerCallContext context) =>
        speakers.GetAsync(request, context.CancellationToken);

    public override Task<CompareStoryResponse> CompareStory(CompareStoryRequest request, ServerCallContext context) =>
        stories.CompareAsync(request, context.CancellationToken);

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

    public override Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context) =>
        article.GetAsync(request, context.CancellationToken);
}
