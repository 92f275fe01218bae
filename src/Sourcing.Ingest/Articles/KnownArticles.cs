using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Articles;

/// <summary>The stored and just-added articles a batch's items may duplicate, by text, external id and URL; the first one wins.</summary>
public sealed class KnownArticles
{
    public sealed record Entry(Guid Id, PipelineState State, string Fingerprint, string? ExternalId, string? Url);

    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);

    public KnownArticles(IEnumerable<Entry> stored)
    {
        foreach (var entry in stored)
        {
            Add(entry);
        }
    }

    public void Add(Data.Article article) =>
        Add(new Entry(article.Id, article.State, article.Fingerprint, article.ExternalId, article.Url));

    public Entry? Find(SubmittedArticle article) =>
        Keys(article.Fingerprint, article.ExternalId, article.Url)
            .Select(key => _byKey.GetValueOrDefault(key))
            .FirstOrDefault(entry => entry is not null);

    private void Add(Entry entry)
    {
        foreach (var key in Keys(entry.Fingerprint, entry.ExternalId, entry.Url))
        {
            _byKey.TryAdd(key, entry);
        }
    }

    private static IEnumerable<string> Keys(string fingerprint, string? externalId, string? url)
    {
        yield return $"text:{fingerprint}";
        if (externalId is not null)
        {
            yield return $"external_id:{externalId}";
        }
        if (url is not null)
        {
            yield return $"url:{url}";
        }
    }
}
