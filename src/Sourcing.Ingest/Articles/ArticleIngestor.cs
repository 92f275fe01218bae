using System.Security.Cryptography;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Data;
using Sourcing.Ingest.Data;
using Sourcing.Ingest.Grpc;
using Sourcing.Ingest.Outbox;
using Sourcing.Ingest.Telemetry;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// Ingests articles, one or a batch at a time: validates and normalizes each, then in one
/// transaction stores every new one with its outbox row, its text-reuse links and its request's
/// response, or answers DUPLICATE with the first copy's id. A request_id seen before gets its
/// first response again. Each item gets its own result; one bad item never fails the others.
/// </summary>
public sealed class ArticleIngestor(
    IngestDbContext db,
    ArticleBatchStore store,
    OutboxSignal outboxSignal,
    IngestMetrics metrics,
    TimeProvider time,
    IOptions<IngestOptions> options)
{
    public async Task<IngestArticleResponse> IngestAsync(IngestArticleRequest request, CancellationToken cancellationToken) =>
        (await IngestBatchAsync([request], cancellationToken))[0].ResponseOrThrow();

    public async Task<IReadOnlyList<IngestResult>> IngestBatchAsync(IReadOnlyList<IngestArticleRequest> requests, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var results = new IngestResult?[requests.Count];
        var pending = new List<PendingArticle>();
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            var violations = IngestRequestValidator.Validate(request, options.Value.MaxBodyBytes, now);
            var article = violations.Count == 0 ? ArticlePreparer.Prepare(request) : null;
            if (article is null)
            {
                results[i] = IngestResult.Of(RpcErrors.InvalidArgument(violations));
            }
            else if (article.Text.Length == 0)
            {
                results[i] = IngestResult.Of(RpcErrors.InvalidArgument("body", "The body has no readable text once markup and boilerplate are removed."));
            }
            else
            {
                pending.Add(new PendingArticle(i, request, article, request.RequestId.Length > 0 ? HashWithoutId(request) : null));
            }
        }
        foreach (var (index, result) in await StoreAsync(pending, now, cancellationToken))
        {
            results[index] = result;
        }
        if (results.Any(r => r?.Response?.Outcome == IngestOutcome.Created))
        {
            outboxSignal.Notify();
        }
        var final = results.Select(r => r!).ToList();
        metrics.Ingested(requests, final);
        return final;
    }

    private async Task<IReadOnlyList<(int Index, IngestResult Result)>> StoreAsync(
        List<PendingArticle> pending, DateTime now, CancellationToken cancellationToken)
    {
        if (pending.Count == 0)
        {
            return [];
        }
        try
        {
            IReadOnlyList<(int, IngestResult)> stored = [];
            await db.InTransactionAsync(async ct => stored = await store.StoreAsync(pending, now, ct), cancellationToken);
            return stored;
        }
        catch (Exception e) when (pending.Count > 1 && e is not OperationCanceledException)
        {
            // Whatever failed the batch, each item gets its own try, so one item cannot fail the others.
            var results = new List<(int, IngestResult)>();
            foreach (var item in pending)
            {
                try
                {
                    results.AddRange(await StoreAsync([item], now, cancellationToken));
                }
                catch (Exception single) when (single is not OperationCanceledException)
                {
                    results.Add((item.Index, IngestResult.Of(DatabaseErrors.ToRpcException(single))));
                }
            }
            return results;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static string HashWithoutId(IngestArticleRequest request)
    {
        var copy = request.Clone();
        copy.RequestId = "";
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }
}
