using Sourcing.Contracts.V1;

namespace Sourcing.Ingest.Articles;

/// <summary>A valid, prepared article of a batch, waiting to be stored; <see cref="Index"/> is its place in the batch.</summary>
public sealed record PendingArticle(int Index, IngestArticleRequest Request, SubmittedArticle Article, string? RequestHash)
{
    /// <summary>The advisory-lock keys of everything this article could collide on.</summary>
    public IEnumerable<string> LockKeys()
    {
        yield return $"text:{Article.Fingerprint}";
        if (Article.ExternalId is { } externalId)
        {
            yield return $"external_id:{externalId}";
        }
        if (Article.Url is { } url)
        {
            yield return $"url:{url}";
        }
        if (Request.RequestId.Length > 0)
        {
            yield return $"request_id:{Request.RequestId}";
        }
    }
}
