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
    private const int MaxBatch = 64;

    public override Task<IngestArticleResponse> IngestArticle(IngestArticleRequest request, ServerCallContext context) =>
        DatabaseErrors.Translate(() => ingestor.IngestAsync(request, context.CancellationToken));

    public override async Task IngestArticles(
        IAsyncStreamReader<IngestArticlesRequest> requestStream,
        IServerStreamWriter<IngestArticlesResponse> responseStream,
        ServerCallContext context)
    {
        // Items already received are stored together, up to MaxBatch, in one transaction; the next
        // item is read only once a batch's responses are written, so HTTP/2 flow control holds back
        // a client that sends faster than we store (or that never reads its responses).
        long index = 0;
        var batch = new List<IngestArticlesRequest>(MaxBatch);
        var next = requestStream.MoveNext(context.CancellationToken);
        while (await next)
        {
            batch.Add(requestStream.Current);
            next = requestStream.MoveNext(context.CancellationToken);
            // A read that already failed (an item over the size limit ends the call) is left for the
            // outer await, after the items received before it are stored and answered.
            while (batch.Count < MaxBatch && next.IsCompletedSuccessfully && next.Result)
            {
                batch.Add(requestStream.Current);
                next = requestStream.MoveNext(context.CancellationToken);
            }
            foreach (var result in await IngestBatchAsync(batch, context.CancellationToken))
            {
                var response = new IngestArticlesResponse { Index = index++ };
                if (result.Response is { } ingested)
                {
                    response.Response = ingested;
                }
                else
                {
                    response.Error = RpcErrors.ToStatus(result.Error!);
                }
                await responseStream.WriteAsync(response, context.CancellationToken);
            }
            batch.Clear();
        }
    }

    private async Task<IReadOnlyList<IngestResult>> IngestBatchAsync(List<IngestArticlesRequest> batch, CancellationToken cancellationToken)
    {
        var missing = batch.Select((item, i) => (item, i)).Where(x => x.item.Article is null).Select(x => x.i).ToHashSet();
        var articles = batch.Where(item => item.Article is not null).Select(item => item.Article).ToList();
        IReadOnlyList<IngestResult> ingested;
        try
        {
            ingested = articles.Count == 0 ? [] : await ingestor.IngestBatchAsync(articles, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogBatchFailed(logger, e, batch.Count);
            var error = IngestResult.Of(DatabaseErrors.ToRpcException(e));
            ingested = [.. articles.Select(_ => error)];
        }
        var results = new List<IngestResult>(batch.Count);
        var next = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            results.Add(missing.Contains(i)
                ? IngestResult.Of(RpcErrors.InvalidArgument("article", "Each stream item must carry an article."))
                : ingested[next++]);
        }
        return results;
    }

    public override async Task<GetIngestStatusResponse> GetIngestStatus(GetIngestStatusRequest request, ServerCallContext context)
    {
        if (request.ArticleIds.Count is 0 or > MaxStatusIds)
        {
            RpcErrors.ThrowInvalidArgument("article_ids", $"Give between 1 and {MaxStatusIds} article ids.");
        }
        var ids = request.ArticleIds.Select((id, i) => ArticleIds.Parse(id, $"article_ids[{i}]")).ToList();
        var rows = await DatabaseErrors.Translate(() => db.WithProgress().AsNoTracking()
            .Where(p => ids.Contains(p.Article.Id))
            .Select(p => new { p.Article.Id, p.State, p.Attempts, p.LastError, p.Article.ReceivedAt, p.Article.AnalyzedAt })
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

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} stream items failed unexpectedly")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);
}
