using System.Security.Cryptography;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
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
        if (requestHash is not null && await ReplayAsync(request.RequestId, requestHash, cancellationToken) is { } replay)
        {
            return replay;
        }
        var submitted = ArticlePreparer.Prepare(request);
        if (submitted.Text.Length == 0)
        {
            RpcErrors.ThrowInvalidArgument("body", "The body has no readable text once markup and boilerplate are removed.");
        }

        try
        {
            var response = await StoreAsync(submitted, request.RequestId, requestHash, now, cancellationToken);
            if (response.Outcome == IngestOutcome.Created)
            {
                outboxSignal.Notify();
            }
            return response;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent request stored the same article, or used the same request id, between our checks and our insert.
            db.ChangeTracker.Clear();
            if (requestHash is not null && await ReplayAsync(request.RequestId, requestHash, cancellationToken) is { } concurrentReplay)
            {
                return concurrentReplay;
            }
            return await StoreAsync(submitted, request.RequestId, requestHash, now, cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
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
