using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Analysis.Stories;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Assigns articles to stories inside the storing transaction, after the corpus lock, one article after the
/// other: compares each signature with those of articles in the time window that share one of its heaviest
/// terms (stored ones and the batch's earlier ones), joins (and merges) the linked stories or starts one, and
/// keeps the term document counts and the stories' counts and times. The candidate queries (one per article, sent
/// together) run before the corpus lock (<see cref="ReadCandidatesAsync"/>); under it, a batch costs a few
/// statements whatever its size: two bring the candidates up to date, one loads the term counts, one the story
/// sizes, and the merges are stored once, at the end.
/// </summary>
public sealed class StoryStore(AnalysisDbContext db, TimeProvider time, IOptions<AnalysisOptions> options)
{
    private const long ExactCountBelow = 50_000;

    /// <summary>
    /// Articles read per candidate compared: the latest in the window sharing a heavy term, of which those sharing the
    /// most are compared. A bound for windows crowded with one term, not reached otherwise.
    /// </summary>
    private const int ReadPerCandidate = 4;

    /// <summary>How many of an article's heaviest terms a candidate must share one of.</summary>
    public const int CandidateTerms = 20;

    /// <summary>
    /// Each article's stored candidates, read before the corpus lock is taken (the slowest reads of a batch, so they
    /// run while another batch holds the lock): <see cref="AssignAsync"/> then brings them up to date.
    /// </summary>
    public async Task<StoredCandidates> ReadCandidatesAsync(IReadOnlyList<StoryInput> articles, CancellationToken ct)
    {
        // Read first: a row committed between this and the candidates is read twice, never missed.
        var seen = await db.ArticleStories.MaxAsync(a => (long?)a.ChangeSeq, ct) ?? 0;
        string[][] tops = [.. articles.Select(a => a.Signature.Top(CandidateTerms).ToArray())];
        var lists = await StoryCandidateReader.InWindowAsync(
            db, [.. articles.Select((a, i) => (a.StoryTime, tops[i]))], options.Value.StoryWindow, ReadPerCandidate * options.Value.StoryCandidates, ct);
        var signatures = await StoryCandidateReader.SignaturesAsync(db, [.. lists.SelectMany(l => l).Select(c => c.ArticleId).Distinct()], ct);
        return new StoredCandidates(seen, tops, lists, signatures);
    }

    /// <summary>
    /// The story of each article, in the order given (after any merge a later article of the batch made). Called under
    /// the corpus lock, with the candidates <see cref="ReadCandidatesAsync"/> read for the same articles.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AssignAsync(IReadOnlyList<StoryInput> articles, StoredCandidates stored, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var window = options.Value.StoryWindow;
        var batch = new StoryBatch(await RemovePreviousAsync(articles, ct));
        var articleCount = await CountArticlesAsync(ct);
        var pool = await CandidatePool.ReadAsync(db, stored, batch, ct);
        var signatures = articles.Select(a => batch.Terms.Vector(a.Signature.Weights)).ToList();
        // Every term the batch compares is numbered by now: their counts and the candidates' story sizes load at once.
        await LoadTermCountsAsync(batch.Terms, ct);
        await LoadStorySizesAsync(batch, pool.Stories, ct);
        var comparer = new ArticleComparer(batch.Terms);
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            // The article counts itself, as it will once stored.
            comparer.Begin(signatures[i], stored.Tops[i].Select(batch.Terms.Id), articleCount + batch.Added.Count + 1);
            var candidates = MostSharing(batch, comparer, pool.For(i, article.StoryTime, window).Concat(batch.Candidates(article.StoryTime, window)));
            var decision = StoryClusterer.Decide(
                candidates.Select(c => (batch.StoryOf(c.StoryId), comparer.Cosine(batch.SignatureOf(c.ArticleId)))), batch.StorySize);

            var storyId = decision.StoryId ?? Guid.CreateVersion7();
            if (decision.StoryId is null)
            {
                db.Stories.Add(new Story
                {
                    Id = storyId, Label = article.Title ?? string.Join(", ", article.Signature.Top(4)),
                    FirstTime = article.StoryTime, LastTime = article.StoryTime, CreatedAt = now, UpdatedAt = now,
                });
            }
            if (decision.Merged.Count > 0)
            {
                batch.Merge(storyId, [.. decision.Merged]);
            }
            batch.Add(new ArticleStory
            {
                ArticleId = article.ArticleId, StoryId = storyId, StoryTime = article.StoryTime, Terms = article.Signature.Terms,
                Weights = article.Signature.WeightArray, TermKeys = StoryPeriods.Keys(article.Signature.Terms, article.StoryTime),
                Similarity = decision.Similarity, AssignedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
        await ArticleStoryCopy.WriteAsync(db, batch.Added, ct);
        var merges = batch.FinalMerges();
        await MoveMergedArticlesAsync(merges, ct);
        await CountTermsAsync(batch.Terms.Changes(), ct);
        await RefreshStoriesAsync(batch, merges, now, ct);
        return [.. batch.Added.Select(a => a.StoryId)];
    }

    /// <summary>Takes the articles' earlier assignments out (a reanalysis), returning them.</summary>
    private async Task<List<ArticleStory>> RemovePreviousAsync(IReadOnlyList<StoryInput> articles, CancellationToken ct)
    {
        var ids = articles.Select(a => a.ArticleId).ToList();
        var previous = await db.ArticleStories.AsNoTracking().Where(a => ids.Contains(a.ArticleId)).ToListAsync(ct);
        if (previous.Count > 0)
        {
            await db.ArticleStories.Where(a => ids.Contains(a.ArticleId)).ExecuteDeleteAsync(ct);
        }
        return previous;
    }

    /// <summary>The candidates sharing the most of the article's heaviest terms (then the latest), a bounded number.</summary>
    private List<CandidateArticle> MostSharing(StoryBatch batch, ArticleComparer comparer, IEnumerable<CandidateArticle> candidates) =>
        [.. candidates
            .Select(c => (Candidate: c, Shared: comparer.SharedHeavyTerms(batch.SignatureOf(c.ArticleId))))
            .Where(c => c.Shared > 0)
            .OrderByDescending(c => c.Shared).ThenByDescending(c => c.Candidate.StoryTime)
            .Take(options.Value.StoryCandidates)
            .Select(c => c.Candidate)];

    private async Task LoadTermCountsAsync(TermSpace terms, CancellationToken ct)
    {
        string[] all = [.. terms.Terms];
        var counts = await db.StoryTerms.Where(t => all.Contains(t.Term)).Select(t => new { t.Term, t.ArticleCount }).ToListAsync(ct);
        foreach (var count in counts)
        {
            terms.SetStoredCount(terms.Id(count.Term), count.ArticleCount);
        }
    }

    private async Task LoadStorySizesAsync(StoryBatch batch, IEnumerable<Guid> stories, CancellationToken ct)
    {
        Guid[] ids = [.. stories];
        var sizes = await db.Stories.Where(s => ids.Contains(s.Id)).Select(s => new { s.Id, s.ArticleCount }).ToListAsync(ct);
        foreach (var size in sizes)
        {
            batch.SetStoredSize(size.Id, size.ArticleCount);
        }
    }

    /// <summary>Points the stored articles of every story merged away at the story it ended up part of.</summary>
    private async Task MoveMergedArticlesAsync((Guid[] Merged, Guid[] Into) merges, CancellationToken ct)
    {
        var (merged, into) = merges;
        if (merged.Length == 0)
        {
            return;
        }
        await db.Database.ExecuteSqlAsync($"""
            UPDATE analysis.article_stories a SET story_id = m.new_id
            FROM unnest({merged}, {into}) AS m(old_id, new_id) WHERE a.story_id = m.old_id
            """, ct);
    }

    /// <summary>The number of clustered articles, for IDF: the planner's estimate once the table is large (exact counting grows with it).</summary>
    private async Task<long> CountArticlesAsync(CancellationToken ct)
    {
        var estimate = await db.Database.SqlQuery<long>(
            $"SELECT greatest(reltuples, 0)::bigint AS \"Value\" FROM pg_class WHERE oid = 'analysis.article_stories'::regclass").SingleAsync(ct);
        return estimate >= ExactCountBelow ? estimate : await db.ArticleStories.LongCountAsync(ct);
    }

    private async Task CountTermsAsync(IEnumerable<(string Term, int Change)> changes, CancellationToken ct)
    {
        var changed = changes.OrderBy(c => c.Term, StringComparer.Ordinal).ToList();
        if (changed.Count == 0)
        {
            return;
        }
        string[] terms = [.. changed.Select(c => c.Term)];
        int[] counts = [.. changed.Select(c => c.Change)];
        // In term order, so concurrent writers lock the rows in one order and never deadlock.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO analysis.story_terms AS s (term, article_count)
            SELECT t.term, t.delta FROM unnest({terms}, {counts}) AS t(term, delta) ORDER BY t.term
            ON CONFLICT (term) DO UPDATE SET article_count = s.article_count + EXCLUDED.article_count
            """, ct);
    }

    /// <summary>
    /// Brings the touched stories' article counts and first and last times up to date. From the batch's changes alone:
    /// a story that takes in others adds up their stored figures (and they go), then each story adds the batch's
    /// articles it ended with, so a batch costs the same whatever the stories' sizes. A batch that took assignments
    /// out (a reanalysis) recounts its stories from their articles instead.
    /// </summary>
    private async Task RefreshStoriesAsync(StoryBatch batch, (Guid[] Merged, Guid[] Into) merges, DateTime now, CancellationToken ct)
    {
        if (batch.HasRemovals)
        {
            await RecountStoriesAsync([.. batch.Touched], now, ct);
            return;
        }
        var (merged, into) = merges;
        if (merged.Length > 0)
        {
            // Each story merged away goes, its figures added to the story it ended up part of.
            await db.Database.ExecuteSqlAsync($"""
                WITH gone AS (
                    DELETE FROM analysis.stories s USING unnest({merged}, {into}) AS m(old_id, new_id) WHERE s.id = m.old_id
                    RETURNING m.new_id, s.article_count, s.first_time, s.last_time)
                UPDATE analysis.stories s
                SET article_count = s.article_count + g.n, first_time = least(s.first_time, g.first_time),
                    last_time = greatest(s.last_time, g.last_time), updated_at = {now}
                FROM (SELECT new_id, sum(article_count)::int AS n, min(first_time) AS first_time, max(last_time) AS last_time
                      FROM gone GROUP BY new_id) g
                WHERE s.id = g.new_id
                """, ct);
        }
        var added = batch.Added.GroupBy(a => a.StoryId).ToList();
        Guid[] ids = [.. added.Select(g => g.Key)];
        int[] counts = [.. added.Select(g => g.Count())];
        DateTime[] firsts = [.. added.Select(g => g.Min(a => a.StoryTime))];
        DateTime[] lasts = [.. added.Select(g => g.Max(a => a.StoryTime))];
        await db.Database.ExecuteSqlAsync($"""
            UPDATE analysis.stories s
            SET article_count = s.article_count + a.n, first_time = least(s.first_time, a.first_time),
                last_time = greatest(s.last_time, a.last_time), updated_at = {now}
            FROM unnest({ids}, {counts}, {firsts}, {lasts}) AS a(id, n, first_time, last_time)
            WHERE s.id = a.id
            """, ct);
    }

    private async Task RecountStoriesAsync(Guid[] stories, DateTime now, CancellationToken ct)
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
