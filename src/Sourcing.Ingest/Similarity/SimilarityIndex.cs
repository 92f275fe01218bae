using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Similarity;

/// <summary>
/// Links a new article to the stored articles it copies or reuses text from: candidates come
/// from the sampled-shingle index, then each is measured exactly. Keeps the index and link rows
/// until <see cref="SaveAsync"/> writes them, in the caller's transaction after its articles,
/// one statement per table for the whole batch.
/// </summary>
public sealed class SimilarityIndex(IngestDbContext db, IOptions<SimilarityOptions> options)
{
    private readonly List<ArticleShingle> _shingles = [];
    private readonly List<TextReuseLink> _links = [];

    /// <summary>
    /// Links <paramref name="article"/> to stored articles and to the earlier, not yet saved
    /// articles of its batch; returns its shingles, for the batch's later articles.
    /// </summary>
    public async Task<HashSet<long>> LinkAsync(
        Data.Article article, IReadOnlyList<(Data.Article Article, HashSet<long> Shingles)> batchMates, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var shingles = WordShingles.Of(article.Text);
        var sample = ShingleSketch.Of(shingles);
        _shingles.AddRange(sample.Select(hash => new ArticleShingle { Hash = hash, ArticleId = article.Id }));
        var minOverlap = Math.Max(settings.MinSampledOverlap, (int)Math.Ceiling(sample.Length * settings.MinSampledShare));
        foreach (var (mate, mateShingles) in batchMates)
        {
            Link(article, mate.Id, mate.DuplicateOf, TextOverlap.Between(shingles, mateShingles));
        }
        if (sample.Length < minOverlap)
        {
            return shingles;
        }

        // Each sampled hash contributes at most MaxPostingsPerShingle articles (the oldest), so stock
        // phrases shared by thousands of articles cost a bounded amount of work.
        var candidateIds = await db.Database.SqlQuery<Guid>($"""
            SELECT p.article_id AS "Value"
            FROM unnest({sample}) AS h(hash)
            CROSS JOIN LATERAL (
                SELECT s.article_id FROM ingest.article_shingles s
                WHERE s.hash = h.hash
                ORDER BY s.article_id
                LIMIT {settings.MaxPostingsPerShingle}) AS p
            GROUP BY p.article_id
            HAVING count(*) >= {minOverlap}
            ORDER BY count(*) DESC
            LIMIT {settings.MaxCandidates}
            """).ToListAsync(cancellationToken);
        if (candidateIds.Count == 0)
        {
            return shingles;
        }
        var candidates = await db.Articles.AsNoTracking()
            .Where(a => candidateIds.Contains(a.Id))
            .OrderBy(a => a.ReceivedAt)
            .Select(a => new { a.Id, a.Text, a.DuplicateOf })
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            Link(article, candidate.Id, candidate.DuplicateOf, TextOverlap.Between(shingles, WordShingles.Of(candidate.Text)));
        }
        return shingles;
    }

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
