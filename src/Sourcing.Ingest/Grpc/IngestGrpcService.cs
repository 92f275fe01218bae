using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Articles;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Grpc;

/// <summary>The gRPC front of ingest: one article, a stream of articles, and pipeline status.</summary>
public sealed class IngestGrpcService(ArticleIngestor ingestor, IngestDbContext db) : IngestService.IngestServiceBase
{
    private const int MaxStatusIds = 1000;

    public override Task<IngestArticleResponse> IngestArticle(IngestArticleRequest request, ServerCallContext context) =>
        DatabaseErrors.Translate(() => ingestor.IngestAsync(request, context.CancellationToken));

    public override async Task IngestArticles(
        IAsyncStreamReader<IngestArticlesRequest> requestStream,
        IServerStreamWriter<IngestArticlesResponse> responseStream,
        ServerCallContext context)
    {
        // One item at a time: the next request is read only once this one's response is written,
        // so HTTP/2 flow control holds back a client that sends faster than we store.
        long index = 0;
        await foreach (var item in requestStream.ReadAllAsync(context.CancellationToken))
        {
            var response = new IngestArticlesResponse { Index = index++ };
            try
            {
                var article = item.Article ?? throw RpcErrors.InvalidArgument("article", "Each stream item must carry an article.");
                response.Response = await DatabaseErrors.Translate(() => ingestor.IngestAsync(article, context.CancellationToken));
            }
            catch (RpcException e)
            {
                response.Error = RpcErrors.ToStatus(e);
            }
            await responseStream.WriteAsync(response, context.CancellationToken);
        }
    }

    public override async Task<GetIngestStatusResponse> GetIngestStatus(GetIngestStatusRequest request, ServerCallContext context)
    {
        if (request.ArticleIds.Count is 0 or > MaxStatusIds)
        {
            RpcErrors.ThrowInvalidArgument("article_ids", $"Give between 1 and {MaxStatusIds} article ids.");
        }
        var ids = request.ArticleIds.Select((id, i) => ArticleIds.Parse(id, $"article_ids[{i}]")).ToList();
        var rows = await DatabaseErrors.Translate(() => db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.State, a.Attempts, a.LastError, a.ReceivedAt, a.AnalyzedAt })
            .ToDictionaryAsync(a => a.Id, context.CancellationToken));
        var response = new GetIngestStatusResponse();
        foreach (var id in ids.Where(rows.ContainsKey))
        {
            var row = rows[id];
            response.Statuses.Add(new ArticleIngestStatus
            {
                ArticleId = id.ToString(),
                State = (ArticleState)(int)row.State,
                Attempts = row.Attempts,
                LastError = row.LastError ?? "",
                ReceiveTime = Timestamps.From(row.ReceivedAt),
                AnalyzeTime = row.AnalyzedAt is { } analyzed ? Timestamps.From(analyzed) : null,
            });
        }
        return response;
    }
}
