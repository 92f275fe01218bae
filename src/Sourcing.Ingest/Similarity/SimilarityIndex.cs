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
    public async Task LinkAsync(Data.Article article, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var shingles = WordShingles.Of(article.Text);
        var sample = ShingleSketch.Of(shingles);
        db.Shingles.AddRange(sample.Select(hash => new ArticleShingle { Hash = hash, ArticleId = article.Id }));
        if (sample.Length < settings.MinSampledOverlap)
        {
            return;
        }

        var candidateIds = await db.Shingles
            .Where(s => sample.Contains(s.Hash) && s.ArticleId != article.Id)
            .GroupBy(s => s.ArticleId)
            .Where(g => g.Count() >= settings.MinSampledOverlap)
            .OrderByDescending(g => g.Count())
            .Take(settings.MaxCandidates)
            .Select(g => g.Key)
            .ToListAsync(cancellationToken);
        if (candidateIds.Count == 0)
        {
            return;
        }
        var candidates = await db.Articles.AsNoTracking()
            .Where(a => candidateIds.Contains(a.Id))
            .OrderBy(a => a.ReceivedAt)
            .Select(a => new { a.Id, a.Text, a.DuplicateOf })
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            var overlap = TextOverlap.Between(shingles, WordShingles.Of(candidate.Text));
            if (overlap.Jaccard >= settings.DuplicateJaccard && article.DuplicateOf is null)
            {
                article.DuplicateOf = candidate.DuplicateOf ?? candidate.Id;
            }
            if (Math.Max(overlap.SharedFractionOfFirst, overlap.SharedFractionOfSecond) >= settings.ReuseFraction)
            {
                db.TextReuseLinks.Add(new TextReuseLink { ArticleId = article.Id, OtherArticleId = candidate.Id, SharedFraction = overlap.SharedFractionOfFirst });
                db.TextReuseLinks.Add(new TextReuseLink { ArticleId = candidate.Id, OtherArticleId = article.Id, SharedFraction = overlap.SharedFractionOfSecond });
            }
        }
    }
}
