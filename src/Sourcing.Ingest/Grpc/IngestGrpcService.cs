using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Articles;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Grpc;

/// <summary>The gRPC front of ingest: one article, a stream of articles, and pipeline status.</summary>
public sealed partial class IngestGrpcService(ArticleIngestor ingestor, IngestDbContext db, ILogger<IngestGrpcService> logger)
    : IngestService.IngestServiceBase
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
            catch (Exception e) when (e is not OperationCanceledException || !context.CancellationToken.IsCancellationRequested)
            {
                // One item's unexpected failure is that item's error; the stream goes on.
                LogItemFailed(logger, e, response.Index);
                response.Error = new Google.Rpc.Status { Code = (int)StatusCode.Internal, Message = "The item could not be ingested." };
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Stream item {Index} failed unexpectedly")]
    private static partial void LogItemFailed(ILogger logger, Exception exception, long index);
}
