using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Similarity;

/// <summary>
/// Links a new article to the stored articles it copies or reuses text from: candidates come
/// from the sampled-shingle index, then each is measured exactly. Adds the rows to the caller's
/// unit of work, so they commit with the article.
/// </summary>
public sealed class SimilarityIndex(IngestDbContext db, IOptions<SimilarityOptions> options)
{
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
        db.Shingles.AddRange(sample.Select(hash => new ArticleShingle { Hash = hash, ArticleId = article.Id }));
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
            db.TextReuseLinks.Add(new TextReuseLink { ArticleId = article.Id, OtherArticleId = otherId, SharedFraction = overlap.SharedFractionOfFirst });
            db.TextReuseLinks.Add(new TextReuseLink { ArticleId = otherId, OtherArticleId = article.Id, SharedFraction = overlap.SharedFractionOfSecond });
        }
    }
}
