using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Similarity;

/// <summary>
/// Links a new article to the stored articles it copies or reuses text from: candidates come
/// from the sampled-shingle index, then each is measured exactly. A batch's candidates are found
/// in one statement and their texts read in one, before its articles are linked one by one; the
/// index and link rows are kept until <see cref="SaveAsync"/> writes them, in the caller's
/// transaction after its articles, one statement per table for the whole batch.
/// </summary>
public sealed class SimilarityIndex(IngestDbContext db, IOptions<SimilarityOptions> options)
{
    private readonly List<ArticleShingle> _shingles = [];
    private readonly List<TextReuseLink> _links = [];

    /// <summary>A text's shingles, its sample, and the stored articles that share enough of the sample to be measured.</summary>
    public sealed record Text(HashSet<long> Shingles, long[] Sample, IReadOnlyList<StoredText> Candidates);

    /// <summary>A stored article proposed as a candidate, with its shingles (worked out once per batch).</summary>
    public sealed record StoredText(Guid Id, Guid? DuplicateOf, IReadOnlySet<long> Shingles);

    /// <summary>Shingles the texts and finds each one's candidates among the stored articles, in the texts' order.</summary>
    public async Task<IReadOnlyList<Text>> PrepareAsync(IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var shingles = texts.Select(WordShingles.Of).ToList();
        var samples = shingles.Select(ShingleSketch.Of).ToList();
        var minOverlaps = samples.Select(sample => Math.Max(settings.MinSampledOverlap, (int)Math.Ceiling(sample.Length * settings.MinSampledShare))).ToList();
        var queried = Enumerable.Range(0, texts.Count).Where(i => samples[i].Length >= minOverlaps[i]).ToList();
        var proposals = queried.Count == 0 ? [] : await FindCandidatesAsync(queried, samples, minOverlaps, cancellationToken);
        var stored = await ReadStoredAsync(proposals.Select(p => p.ArticleId).Distinct().ToList(), cancellationToken);
        var byItem = proposals.ToLookup(p => p.Item, p => stored[p.ArticleId]);
        return [.. texts.Select((_, i) => new Text(shingles[i], samples[i], [.. byItem[i].OrderBy(c => c.ReceivedAt).Select(c => c.Text)]))];
    }

    /// <summary>
    /// Adds <paramref name="article"/>'s index rows and links it to its candidates and to the earlier, not yet saved
    /// articles of its batch.
    /// </summary>
    public void Link(Data.Article article, Text text, IReadOnlyList<(Data.Article Article, HashSet<long> Shingles)> batchMates)
    {
        _shingles.AddRange(text.Sample.Select(hash => new ArticleShingle { Hash = hash, ArticleId = article.Id }));
        foreach (var (mate, mateShingles) in batchMates)
        {
            Link(article, mate.Id, mate.DuplicateOf, TextOverlap.Between(text.Shingles, mateShingles));
        }
        foreach (var candidate in text.Candidates)
        {
            Link(article, candidate.Id, candidate.DuplicateOf, TextOverlap.Between(text.Shingles, candidate.Shingles));
        }
    }

    /// <summary>
    /// For each queried text, the stored articles sharing at least its needed count of sampled hashes, the most shared
    /// first, at most <see cref="SimilarityOptions.MaxCandidates"/>. The samples go in as one array, each text's a
    /// slice of it, so that each text's candidates are counted apart (a batch-wide grouping outgrew work_mem). Each
    /// sampled hash contributes at most <see cref="SimilarityOptions.MaxPostingsPerShingle"/> articles (the oldest),
    /// so stock phrases shared by thousands of articles cost a bounded amount of work.
    /// </summary>
    private Task<List<Proposal>> FindCandidatesAsync(List<int> queried, List<long[]> samples, List<int> minOverlaps, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        int[] items = [.. queried];
        long[] hashes = [.. queried.SelectMany(i => samples[i])];
        int[] firsts = new int[queried.Count], lasts = new int[queried.Count], needed = new int[queried.Count];
        for (int k = 0, next = 1; k < queried.Count; next += samples[queried[k]].Length, k++)
        {
            (firsts[k], lasts[k], needed[k]) = (next, next + samples[queried[k]].Length - 1, minOverlaps[queried[k]]);
        }
        return db.Database.SqlQuery<Proposal>($"""
            SELECT t.item AS "Item", c.article_id AS "ArticleId"
            FROM unnest({items}, {firsts}, {lasts}, {needed}) AS t(item, first, last, needed)
            CROSS JOIN LATERAL (
                SELECT p.article_id
                FROM unnest(({hashes}::bigint[])[t.first:t.last]) AS h(hash)
                CROSS JOIN LATERAL (
                    SELECT s.article_id FROM ingest.article_shingles s
                    WHERE s.hash = h.hash
                    ORDER BY s.article_id
                    LIMIT {settings.MaxPostingsPerShingle}) AS p
                GROUP BY p.article_id
                HAVING count(*) >= t.needed
                ORDER BY count(*) DESC, p.article_id
                LIMIT {settings.MaxCandidates}) AS c
            """).ToListAsync(cancellationToken);
    }

    private async Task<Dictionary<Guid, (DateTime ReceivedAt, StoredText Text)>> ReadStoredAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }
        var rows = await db.Articles.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new { a.Id, a.Text, a.DuplicateOf, a.ReceivedAt })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.Id, r => (r.ReceivedAt, new StoredText(r.Id, r.DuplicateOf, WordShingles.Of(r.Text))));
    }

    private sealed record Proposal(int Item, Guid ArticleId);

    private void Link(Data.Article article, Guid otherId, Guid? otherDuplicateOf, TextOverlap overlap)
    {
        var settings = options.Value;
        if (overlap.Jaccard >= settings.DuplicateJaccard && article.DuplicateOf is null)
        {
            article.DuplicateOf = otherDuplicateOf ?? otherId;
        }
        if (Math.Max(overlap.SharedFractionOfFirst, overlap.SharedFractionOfSecond) >= settings.ReuseFraction)
        {
            _links.Add(new TextReuseLink
            {
                ArticleId = article.Id, OtherArticleId = otherId,
                SharedFraction = overlap.SharedFractionOfFirst, OtherSharedFraction = overlap.SharedFractionOfSecond,
            });
        }
    }

    /// <summary>Drops the rows not yet written (of an attempt that failed).</summary>
    public void Forget()
    {
        _shingles.Clear();
        _links.Clear();
    }

    /// <summary>Writes the index and link rows of the articles linked so far; call after the articles are saved.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_shingles.Count > 0)
        {
            long[] hashes = [.. _shingles.Select(s => s.Hash)];
            Guid[] articles = [.. _shingles.Select(s => s.ArticleId)];
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ingest.article_shingles (hash, article_id) SELECT * FROM unnest({hashes}, {articles})
                """, cancellationToken);
        }
        if (_links.Count > 0)
        {
            Guid[] from = [.. _links.Select(l => l.ArticleId)];
            Guid[] to = [.. _links.Select(l => l.OtherArticleId)];
            double[] shared = [.. _links.Select(l => l.SharedFraction)];
            double[] otherShared = [.. _links.Select(l => l.OtherSharedFraction)];
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO ingest.text_reuse_pairs (article_id, other_article_id, shared_fraction, other_shared_fraction)
                SELECT * FROM unnest({from}, {to}, {shared}, {otherShared})
                """, cancellationToken);
        }
        Forget();
    }
}
