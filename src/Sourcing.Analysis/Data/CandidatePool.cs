using Microsoft.EntityFrameworkCore;

namespace Sourcing.Analysis.Data;

/// <summary>
/// The candidates read before the corpus lock as they stand under it: each with its current story (merges re-point
/// stories), without those taken out since (a reanalysis stores them anew), and with the rows other batches committed
/// since, which carry a higher <see cref="ArticleStory.ChangeSeq"/>. Registers every candidate's signature in the batch.
/// </summary>
internal sealed class CandidatePool
{
    private readonly IReadOnlyList<CandidateArticle[]> _lists;
    private readonly Dictionary<Guid, Guid> _current;
    private readonly List<CandidateArticle> _since;

    private CandidatePool(IReadOnlyList<CandidateArticle[]> lists, Dictionary<Guid, Guid> current, List<CandidateArticle> since) =>
        (_lists, _current, _since) = (lists, current, since);

    public static async Task<CandidatePool> ReadAsync(AnalysisDbContext db, StoredCandidates stored, StoryBatch batch, CancellationToken ct)
    {
        var since = await db.ArticleStories.Where(a => a.ChangeSeq > stored.Seen)
            .Select(a => new { a.ArticleId, a.StoryId, a.StoryTime, a.Terms, a.Weights }).ToListAsync(ct);
        Guid[] ids = [.. stored.Lists.SelectMany(l => l).Select(c => c.ArticleId).Distinct()];
        var current = await db.ArticleStories.Where(a => ids.Contains(a.ArticleId) && a.ChangeSeq <= stored.Seen)
            .Select(a => new { a.ArticleId, a.StoryId }).ToDictionaryAsync(a => a.ArticleId, a => a.StoryId, ct);
        foreach (var (articleId, signature) in stored.Signatures)
        {
            batch.AddSignature(articleId, batch.Terms.Vector(signature.Terms, signature.Weights));
        }
        foreach (var row in since)
        {
            batch.AddSignature(row.ArticleId, batch.Terms.Vector(row.Terms, row.Weights));
        }
        return new CandidatePool(stored.Lists, current, [.. since.Select(r => new CandidateArticle(r.ArticleId, r.StoryId, r.StoryTime))]);
    }

    /// <summary>The stories the candidates are in now (before the batch's merges).</summary>
    public IEnumerable<Guid> Stories => _current.Values.Concat(_since.Select(c => c.StoryId)).Distinct();

    /// <summary>The <paramref name="article"/>th article's candidates (stories before the batch's merges): those read for it, and those in its window committed since.</summary>
    public IEnumerable<CandidateArticle> For(int article, DateTime storyTime, TimeSpan window) =>
        _lists[article].Where(c => _current.ContainsKey(c.ArticleId)).Select(c => c with { StoryId = _current[c.ArticleId] })
            .Concat(_since.Where(c => c.IsWithin(storyTime, window)));
}
