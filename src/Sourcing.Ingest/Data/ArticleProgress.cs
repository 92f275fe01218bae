namespace Sourcing.Ingest.Data;

/// <summary>
/// An article with where it is in the pipeline as callers see it. The article row records where it ended (queued
/// until its analysis is stored, then analyzed or failed); while its outbox row exists, that row tells queued from
/// analyzing (a live lease) and holds the attempts and the last error. So a claim writes only the small outbox row,
/// and the wide article row is updated once, at the end.
/// </summary>
public sealed class ArticleProgress
{
    public required Article Article { get; init; }
    public PipelineState State { get; init; }
    public int Attempts { get; init; }
    public string? LastError { get; init; }
}

public static class ArticleProgressQueries
{
    /// <summary>Every article with its progress; the lease is compared with the server's clock, as claims set it.</summary>
    public static IQueryable<ArticleProgress> WithProgress(this IngestDbContext db) =>
        from article in db.Articles
        join message in db.Outbox on article.Id equals message.ArticleId into pending
        from message in pending.DefaultIfEmpty()
        select new ArticleProgress
        {
            Article = article,
            State = message == null ? article.State
                : message.LockedUntil != null && message.LockedUntil > DateTime.UtcNow ? PipelineState.Analyzing
                : PipelineState.Queued,
            Attempts = message == null ? article.Attempts : message.Attempts,
            LastError = message == null ? article.LastError : message.LastError ?? article.LastError,
        };
}
