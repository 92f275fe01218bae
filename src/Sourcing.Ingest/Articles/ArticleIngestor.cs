using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Data;
using Sourcing.Ingest.Grpc;
using Sourcing.Ingest.Outbox;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// Ingests one article: validates, normalizes, and stores it with its outbox row in one
/// transaction, or answers DUPLICATE with the first copy's id.
/// </summary>
public sealed class ArticleIngestor(
    IngestDbContext db,
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
        var submitted = ArticlePreparer.Prepare(request);
        if (submitted.Text.Length == 0)
        {
            RpcErrors.ThrowInvalidArgument("body", "The body has no readable text once markup and boilerplate are removed.");
        }

        if (await FindDuplicateAsync(submitted, cancellationToken) is { } existing)
        {
            return Response(existing.Id, IngestOutcome.Duplicate, existing.State);
        }
        var article = NewArticle(submitted, now);
        db.Articles.Add(article);
        db.Outbox.Add(new OutboxMessage
        {
            ArticleId = article.Id,
            CreatedAt = now,
            AvailableAt = now,
            TraceParent = System.Diagnostics.Activity.Current?.Id,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // Another request stored the same article between our check and our insert.
            db.ChangeTracker.Clear();
            if (await FindDuplicateAsync(submitted, cancellationToken) is { } winner)
            {
                return Response(winner.Id, IngestOutcome.Duplicate, winner.State);
            }
            throw;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
        outboxSignal.Notify();
        return Response(article.Id, IngestOutcome.Created, article.State);
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
