using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Analysis.Stories;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Assigns an article to a story inside the storing transaction, after the corpus lock: compares its signature
/// with those of articles in the time window that share one of its heaviest terms, joins (and merges) the
/// linked stories or starts one, and keeps the term document counts and the stories' counts and times.
/// </summary>
public sealed class StoryStore(AnalysisDbContext db, TimeProvider time, IOptions<AnalysisOptions> options)
{
    private const int MaxCandidates = 300;
    private const long ExactCountBelow = 50_000;

    /// <summary>How many of an article's heaviest terms a candidate must share one of.</summary>
    public const int CandidateTerms = 20;

    public async Task<Guid> AssignAsync(Guid articleId, DateTime storyTime, string? title, ArticleSignature signature, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var previous = await db.ArticleStories.AsNoTracking().SingleOrDefaultAsync(a => a.ArticleId == articleId, ct);
        if (previous is not null)
        {
            await CountTermsAsync(previous.Terms, -1, ct);
            await db.ArticleStories.Where(a => a.ArticleId == articleId).ExecuteDeleteAsync(ct);
        }

        var window = options.Value.StoryWindow;
        var top = signature.Top(CandidateTerms).ToArray();
        // The articles sharing the most of its heaviest terms, a bounded number, so the work per
        // article does not grow with the corpus.
        var candidates = await db.ArticleStories.FromSql($"""
            SELECT * FROM analysis.article_stories s
            WHERE s.story_time BETWEEN {storyTime - window} AND {storyTime + window} AND s.terms && {top}
            ORDER BY (SELECT count(*) FROM unnest(s.terms) AS t WHERE t = ANY({top})) DESC, s.story_time DESC
            LIMIT {MaxCandidates}
            """).AsNoTracking().ToListAsync(ct);
        var terms = signature.Terms.Concat(candidates.SelectMany(c => c.Terms)).Distinct().ToList();
        var df = await db.StoryTerms.AsNoTracking().Where(t => terms.Contains(t.Term)).ToDictionaryAsync(t => t.Term, t => t.ArticleCount, ct);
        var articles = await CountArticlesAsync(ct) + 1;
        // The article counts itself, as it will once stored.
        var decision = StoryClusterer.Assign(
            signature,
            candidates.Select(c => new StoryCandidate(c.ArticleId, c.StoryId, ArticleSignature.FromArrays(c.Terms, c.Weights))),
            t => StorySimilarity.Idf(articles, df.GetValueOrDefault(t) + (signature.Weights.ContainsKey(t) ? 1 : 0)));

        var storyId = decision.StoryId ?? Guid.CreateVersion7();
        if (decision.StoryId is null)
        {
            db.Stories.Add(new Story { Id = storyId, Label = title ?? string.Join(", ", signature.Top(4)), FirstTime = storyTime, LastTime = storyTime, CreatedAt = now, UpdatedAt = now });
            await db.SaveChangesAsync(ct);
        }
        var merged = decision.Merged.ToArray();
        if (merged.Length > 0)
        {
            await db.ArticleStories.Where(a => merged.Contains(a.StoryId)).ExecuteUpdateAsync(u => u.SetProperty(a => a.StoryId, storyId), ct);
        }
        db.ArticleStories.Add(new ArticleStory
        {
            ArticleId = articleId, StoryId = storyId, StoryTime = storyTime, Terms = signature.Terms,
            Weights = signature.WeightArray, Similarity = decision.Similarity, AssignedAt = now,
        });
        await db.SaveChangesAsync(ct);
        await CountTermsAsync(signature.Terms, 1, ct);
        Guid[] touched = [storyId, .. merged, .. previous is null ? Array.Empty<Guid>() : [previous.StoryId]];
        await RefreshStoriesAsync(touched.Distinct().ToArray(), now, ct);
        return storyId;
    }

    /// <summary>The number of clustered articles, for IDF: the planner's estimate once the table is large (exact counting grows with it).</summary>
    private async Task<long> CountArticlesAsync(CancellationToken ct)
    {
        var estimate = await db.Database.SqlQuery<long>(
            $"SELECT greatest(reltuples, 0)::bigint AS \"Value\" FROM pg_class WHERE oid = 'analysis.article_stories'::regclass").SingleAsync(ct);
        return estimate >= ExactCountBelow ? estimate : await db.ArticleStories.LongCountAsync(ct);
    }

    private async Task CountTermsAsync(string[] terms, int delta, CancellationToken ct)
    {
        if (terms.Length == 0)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analysis.story_terms AS s (term, article_count)
            SELECT t, {delta} FROM unnest({terms}) AS t ORDER BY t
            ON CONFLICT (term) DO UPDATE SET article_count = s.article_count + EXCLUDED.article_count
            """, ct);
    }

    private async Task RefreshStoriesAsync(Guid[] stories, DateTime now, CancellationToken ct)
    {
        await db.Database.ExecuteSqlAsync($"""
            UPDATE analysis.stories s
            SET article_count = x.n, first_time = x.first_time, last_time = x.last_time, updated_at = {now}
            FROM (SELECT story_id, count(*)::int AS n, min(story_time) AS first_time, max(story_time) AS last_time
                  FROM analysis.article_stories WHERE story_id = ANY({stories}) GROUP BY story_id) x
            WHERE s.id = x.story_id
            """, ct);
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM analysis.stories s
            WHERE s.id = ANY({stories}) AND NOT EXISTS (SELECT 1 FROM analysis.article_stories a WHERE a.story_id = s.id)
            """, ct);
    }
}
