using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Data;
using Sourcing.Ingest.Similarity;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// The body of an ingest transaction: takes the batch's advisory locks, answers replays and
/// duplicates (of stored articles and of earlier items in the batch), and adds every new article
/// with its outbox row and request record, saved with one SaveChanges, then its index and link rows.
/// </summary>
public sealed class ArticleBatchStore(IngestDbContext db, SimilarityIndex similarity)
{
    public async Task<IReadOnlyList<(int Index, IngestResult Result)>> StoreAsync(
        IReadOnlyList<PendingArticle> batch, DateTime now, CancellationToken cancellationToken)
    {
        // A retried or split batch starts over: nothing of a failed attempt may be written.
        similarity.Forget();
        await LockAsync(batch, cancellationToken);
        var earlierRequests = await LoadRequestsAsync(batch, cancellationToken);
        var stored = await LoadPossibleDuplicatesAsync(batch, cancellationToken);
        var known = new KnownArticles(stored);
        // Shingles and candidates only for the items that may be new: a replay or a copy of a stored article needs none.
        var mayBeNew = batch.Where(item => Replayed(item, earlierRequests) is null && known.Find(item.Article) is null).ToList();
        var texts = (await similarity.PrepareAsync([.. mayBeNew.Select(item => item.Article.Text)], cancellationToken))
            .Select((text, i) => (mayBeNew[i].Index, text)).ToDictionary();
        var batchMates = new List<(Data.Article, HashSet<long>)>();
        var results = new List<(int, IngestResult)>(batch.Count);
        foreach (var item in batch)
        {
            if (Replayed(item, earlierRequests) is { } earlier)
            {
                results.Add((item.Index, earlier.RequestHash == item.RequestHash
                    ? IngestResult.Of(IngestArticleResponse.Parser.ParseFrom(earlier.Response))
                    : IngestResult.Of(RpcErrors.InvalidArgument("request_id", "This request_id was already used for a different request."))));
                continue;
            }
            IngestArticleResponse response;
            if (known.Find(item.Article) is { } duplicate)
            {
                response = Response(duplicate.Id, IngestOutcome.Duplicate, duplicate.State);
            }
            else
            {
                var article = NewArticle(item.Article, now);
                db.Articles.Add(article);
                db.Outbox.Add(new OutboxMessage
                {
                    ArticleId = article.Id,
                    CreatedAt = now,
                    AvailableAt = now,
                    TraceParent = System.Diagnostics.Activity.Current?.Id,
                });
                var text = texts[item.Index];
                similarity.Link(article, text, batchMates);
                batchMates.Add((article, text.Shingles));
                known.Add(article);
                response = Response(article.Id, IngestOutcome.Created, article.State);
            }
            if (item.RequestHash is not null)
            {
                var record = new IngestRequest { RequestId = item.Request.RequestId, RequestHash = item.RequestHash, Response = response.ToByteArray(), CreatedAt = now };
                db.Requests.Add(record);
                earlierRequests[record.RequestId] = record;
            }
            results.Add((item.Index, IngestResult.Of(response)));
        }
        await db.SaveChangesAsync(cancellationToken);
        await similarity.SaveAsync(cancellationToken);
        return results;
    }

    /// <summary>The stored or earlier-in-batch request this item's request_id was first used for, if any.</summary>
    private static IngestRequest? Replayed(PendingArticle item, Dictionary<string, IngestRequest> earlierRequests) =>
        item.RequestHash is not null ? earlierRequests.GetValueOrDefault(item.Request.RequestId) : null;

    /// <summary>Items that could collide (same request id, text, external id or URL) take turns, so checks and inserts are atomic.</summary>
    private Task LockAsync(IReadOnlyList<PendingArticle> batch, CancellationToken cancellationToken)
    {
        var keys = batch.SelectMany(item => item.LockKeys()).Distinct().ToArray();
        return db.Database.ExecuteSqlAsync($"""
            SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest({keys}) AS key ORDER BY 1) AS locks
            """, cancellationToken);
    }

    private async Task<Dictionary<string, IngestRequest>> LoadRequestsAsync(IReadOnlyList<PendingArticle> batch, CancellationToken cancellationToken)
    {
        var ids = batch.Where(i => i.RequestHash is not null).Select(i => i.Request.RequestId).Distinct().ToList();
        return ids.Count == 0
            ? []
            : await db.Requests.AsNoTracking().Where(r => ids.Contains(r.RequestId)).ToDictionaryAsync(r => r.RequestId, cancellationToken);
    }

    private Task<List<KnownArticles.Entry>> LoadPossibleDuplicatesAsync(IReadOnlyList<PendingArticle> batch, CancellationToken cancellationToken)
    {
        var fingerprints = batch.Select(i => i.Article.Fingerprint).ToList();
        var externalIds = batch.Select(i => i.Article.ExternalId).OfType<string>().ToList();
        var urls = batch.Select(i => i.Article.Url).OfType<string>().ToList();
        return db.WithProgress().AsNoTracking()
            .Where(p => fingerprints.Contains(p.Article.Fingerprint)
                || (p.Article.ExternalId != null && externalIds.Contains(p.Article.ExternalId))
                || (p.Article.Url != null && urls.Contains(p.Article.Url)))
            .OrderBy(p => p.Article.ReceivedAt)
            .Select(p => new KnownArticles.Entry(p.Article.Id, p.State, p.Article.Fingerprint, p.Article.ExternalId, p.Article.Url))
            .ToListAsync(cancellationToken);
    }

    private static Data.Article NewArticle(SubmittedArticle submitted, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(now),
        ExternalId = submitted.ExternalId,
        Url = submitted.Url,
        Title = submitted.Title,
        Outlet = submitted.Outlet,
        Byline = submitted.Byline,
        Dateline = submitted.Dateline,
        PublishedAt = submitted.PublishedAt,
        ReceivedAt = now,
        ContentType = submitted.ContentType,
        OriginalBody = submitted.OriginalBody,
        Text = submitted.Text,
        Fingerprint = submitted.Fingerprint,
        State = PipelineState.Queued,
    };

    private static IngestArticleResponse Response(Guid id, IngestOutcome outcome, PipelineState state) => new()
    {
        ArticleId = id.ToString(),
        Outcome = outcome,
        State = (ArticleState)(int)state,
    };
}
