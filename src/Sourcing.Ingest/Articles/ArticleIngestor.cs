using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Data;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Data;
using Sourcing.Ingest.Grpc;
using Sourcing.Ingest.Outbox;
using Sourcing.Ingest.Similarity;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// Ingests one article: validates and normalizes it, then in one transaction stores it, its
/// outbox row, its text-reuse links and the request's response; or answers DUPLICATE with the
/// first copy's id. A request_id seen before gets its first response again.
/// </summary>
public sealed class ArticleIngestor(
    IngestDbContext db,
    SimilarityIndex similarity,
    OutboxSignal outboxSignal,
    TimeProvider time,
    IOptions<IngestOptions> options)
{
    public async Task<IngestArticleResponse> IngestAsync(IngestArticleRequest request, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var violations = IngestRequestValidator.Validate(request, options.Value.MaxBodyBytes, now);
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var requestHash = request.RequestId.Length > 0 ? HashWithoutId(request) : null;
        var submitted = ArticlePreparer.Prepare(request);
        if (submitted.Text.Length == 0)
        {
            RpcErrors.ThrowInvalidArgument("body", "The body has no readable text once markup and boilerplate are removed.");
        }

        IngestArticleResponse? response = null;
        try
        {
            await db.InTransactionAsync(async ct =>
            {
                // Requests that could collide (same request id, text, external id or URL) take turns,
                // so the checks below and the insert are one atomic step.
                await LockAsync(submitted, request.RequestId, ct);
                response = (requestHash is null ? null : await ReplayAsync(request.RequestId, requestHash, ct))
                    ?? await StoreAsync(submitted, request.RequestId, requestHash, now, ct);
            }, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        if (response!.Outcome == IngestOutcome.Created)
        {
            outboxSignal.Notify();
        }
        return response;
    }

    private Task LockAsync(SubmittedArticle article, string requestId, CancellationToken cancellationToken)
    {
        string?[] candidates = [$"text:{article.Fingerprint}", Key("external_id", article.ExternalId), Key("url", article.Url), Key("request_id", requestId)];
        var keys = candidates.OfType<string>().ToArray();
        return db.Database.ExecuteSqlAsync($"""
            SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest({keys}) AS key ORDER BY 1) AS locks
            """, cancellationToken);

        static string? Key(string kind, string? value) => string.IsNullOrEmpty(value) ? null : $"{kind}:{value}";
    }

    private async Task<IngestArticleResponse> StoreAsync(
        SubmittedArticle submitted, string requestId, string? requestHash, DateTime now, CancellationToken cancellationToken)
    {
        IngestArticleResponse response;
        if (await FindDuplicateAsync(submitted, cancellationToken) is { } existing)
        {
            response = Response(existing.Id, IngestOutcome.Duplicate, existing.State);
        }
        else
        {
            var article = NewArticle(submitted, now);
            db.Articles.Add(article);
            db.Outbox.Add(new OutboxMessage
            {
                ArticleId = article.Id,
                CreatedAt = now,
                AvailableAt = now,
                TraceParent = System.Diagnostics.Activity.Current?.Id,
            });
            await similarity.LinkAsync(article, cancellationToken);
            response = Response(article.Id, IngestOutcome.Created, article.State);
        }
        if (requestHash is not null)
        {
            db.Requests.Add(new IngestRequest { RequestId = requestId, RequestHash = requestHash, Response = response.ToByteArray(), CreatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
        return response;
    }

    private async Task<IngestArticleResponse?> ReplayAsync(string requestId, string requestHash, CancellationToken cancellationToken)
    {
        var earlier = await db.Requests.AsNoTracking().FirstOrDefaultAsync(r => r.RequestId == requestId, cancellationToken);
        if (earlier is null)
        {
            return null;
        }
        if (earlier.RequestHash != requestHash)
        {
            RpcErrors.ThrowInvalidArgument("request_id", "This request_id was already used for a different request.");
        }
        return IngestArticleResponse.Parser.ParseFrom(earlier.Response);
    }

    private static string HashWithoutId(IngestArticleRequest request)
    {
        var copy = request.Clone();
        copy.RequestId = "";
        return Convert.ToHexStringLower(SHA256.HashData(copy.ToByteArray()));
    }

    private Task<DuplicateCandidate?> FindDuplicateAsync(SubmittedArticle article, CancellationToken cancellationToken) =>
        db.Articles.AsNoTracking()
            .Where(a => a.Fingerprint == article.Fingerprint
                || (article.ExternalId != null && a.ExternalId == article.ExternalId)
                || (article.Url != null && a.Url == article.Url))
            .OrderBy(a => a.ReceivedAt)
            .Select(a => new DuplicateCandidate(a.Id, a.State))
            .FirstOrDefaultAsync(cancellationToken);

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

    private sealed record DuplicateCandidate(Guid Id, PipelineState State);
}
