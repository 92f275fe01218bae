using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sourcing.Analysis.Stories;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Assigns articles to stories inside the storing transaction, after the corpus lock, one article after the
/// other: compares each signature with those of articles in the time window that share one of its heaviest
/// terms (stored ones and the batch's earlier ones), joins (and merges) the linked stories or starts one, and
/// keeps the term document counts and the stories' counts and times. A batch costs a few statements plus one
/// candidate query per article, whatever its size; the candidate queries run before the corpus lock
/// (<see cref="ReadCandidatesAsync"/>), and under it two statements bring them up to date.
/// </summary>
public sealed class StoryStore(AnalysisDbContext db, TimeProvider time, IOptions<AnalysisOptions> options)
{
    private const int MaxCandidates = 300;
    private const long ExactCountBelow = 50_000;

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
        var lists = new List<List<ArticleStory>>(articles.Count);
        for (var i = 0; i < articles.Count; i++)
        {
            lists.Add(await StoredCandidatesAsync(articles[i].StoryTime, tops[i], ct));
        }
        return new StoredCandidates(seen, tops, lists);
    }

    /// <summary>
    /// The story of each article, in the order given (after any merge a later article of the batch made). Called under
    /// the corpus lock, with the candidates <see cref="ReadCandidatesAsync"/> read for the same articles.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> AssignAsync(IReadOnlyList<StoryInput> articles, StoredCandidates stored, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var batch = new StoryBatch(await RemovePreviousAsync(articles, ct));
        var articleCount = await CountArticlesAsync(ct);
        var candidatesOf = await CurrentCandidatesAsync(stored, ct);
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var top = stored.Tops[i];
            var candidates = MostSharing(top, candidatesOf(i, article.StoryTime, top, batch).Concat(batch.Candidates(article.StoryTime, options.Value.StoryWindow, top)));
            var terms = article.Signature.Terms.Concat(candidates.SelectMany(c => c.Terms)).Distinct().ToList();
            await LoadTermCountsAsync(batch, terms, ct);
            // The article counts itself, as it will once stored.
            var total = articleCount + batch.Added.Count + 1;
            // Each term's weight once per article, not once per candidate it appears in.
            var idf = new Dictionary<string, double>(StringComparer.Ordinal);
            var decision = StoryClusterer.Assign(
                article.Signature,
                candidates.Select(c => new StoryCandidate(c.ArticleId, c.StoryId, ArticleSignature.FromArrays(c.Terms, c.Weights))),
                t => idf.TryGetValue(t, out var w) ? w
                    : idf[t] = StorySimilarity.Idf(total, batch.TermCount(t) + (article.Signature.Weights.ContainsKey(t) ? 1 : 0)),
                await StorySizesAsync(batch, candidates, ct));

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
                await MergeAsync(batch, storyId, [.. decision.Merged], ct);
            }
            batch.Add(new ArticleStory
            {
                ArticleId = article.ArticleId, StoryId = storyId, StoryTime = article.StoryTime, Terms = article.Signature.Terms,
                Weights = article.Signature.WeightArray, Similarity = decision.Similarity, AssignedAt = now,
            });
        }
        db.ArticleStories.AddRange(batch.Added);
        await db.SaveChangesAsync(ct);
        await CountTermsAsync(batch.TermDeltas, ct);
        await RefreshStoriesAsync(batch, now, ct);
        return [.. batch.Added.Select(a => a.StoryId)];
    }

    /// <summary>
    /// The candidates read before the lock as they stand now: each with its current story (merges re-point stories;
    /// a batch's own merges as it makes them), without those taken out since (a reanalysis stores them anew), and with
    /// the rows other batches committed since, for each article those in its window that share a heavy term.
    /// </summary>
    private async Task<Func<int, DateTime, string[], StoryBatch, IEnumerable<ArticleStory>>> CurrentCandidatesAsync(StoredCandidates stored, CancellationToken ct)
    {
        var since = await db.ArticleStories.AsNoTracking().Where(a => a.ChangeSeq > stored.Seen).ToListAsync(ct);
        Guid[] ids = [.. stored.Lists.SelectMany(l => l).Select(c => c.ArticleId).Distinct()];
        var current = await db.ArticleStories.AsNoTracking().Where(a => ids.Contains(a.ArticleId) && a.ChangeSeq <= stored.Seen)
            .ToDictionaryAsync(a => a.ArticleId, a => a.StoryId, ct);
        var window = options.Value.StoryWindow;
        return (i, storyTime, top, batch) => stored.Lists[i].Where(c => current.ContainsKey(c.ArticleId))
            .Select(c => WithStory(c, batch.StoryOf(current[c.ArticleId])))
            .Concat(since.Where(c => c.IsCandidateFor(storyTime, window, top))
                .Select(c => WithStory(c, batch.StoryOf(c.StoryId))));
    }

    private static ArticleStory WithStory(ArticleStory candidate, Guid storyId)
    {
        candidate.StoryId = storyId;
        return candidate;
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

    private async Task<List<ArticleStory>> StoredCandidatesAsync(DateTime storyTime, string[] top, CancellationToken ct)
    {
        var window = options.Value.StoryWindow;
        // The articles sharing the most of its heaviest terms, a bounded number, so the work per
        // article does not grow with the corpus.
        return await db.ArticleStories.FromSql($"""
            SELECT * FROM analysis.article_stories s
            WHERE s.story_time BETWEEN {storyTime - window} AND {storyTime + window} AND s.terms && {top}
            ORDER BY (SELECT count(*) FROM unnest(s.terms) AS t WHERE t = ANY({top})) DESC, s.story_time DESC
            LIMIT {MaxCandidates}
            """).AsNoTracking().ToListAsync(ct);
    }

    private static List<ArticleStory> MostSharing(string[] top, IEnumerable<ArticleStory> candidates)
    {
        var heavy = top.ToHashSet(StringComparer.Ordinal);
        return [.. candidates
            .OrderByDescending(c => c.Terms.Count(heavy.Contains))
            .ThenByDescending(c => c.StoryTime)
            .Take(MaxCandidates)];
    }

    /// <summary>How many articles each candidate story has, counting this batch's: the largest keeps its id in a merge.</summary>
    private async Task<Func<Guid, int>> StorySizesAsync(StoryBatch batch, List<ArticleStory> candidates, CancellationToken ct)
    {
        var ids = candidates.Select(c => c.StoryId).Distinct().ToList();
        if (ids.Count < 2)
        {
            return _ => 0;
        }
        var stored = await db.Stories.AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.ArticleCount, ct);
        return id => stored.GetValueOrDefault(id) + batch.Added.Count(a => a.StoryId == id);
    }

    private async Task LoadTermCountsAsync(StoryBatch batch, List<string> terms, CancellationToken ct)
    {
        var missing = terms.Where(t => !batch.StoredTermCounts.ContainsKey(t)).ToList();
        if (missing.Count == 0)
        {
            return;
        }
        var counts = await db.StoryTerms.AsNoTracking().Where(t => missing.Contains(t.Term)).ToDictionaryAsync(t => t.Term, t => t.ArticleCount, ct);
        foreach (var term in missing)
        {
            batch.StoredTermCounts[term] = counts.GetValueOrDefault(term);
        }
    }

    private async Task MergeAsync(StoryBatch batch, Guid storyId, Guid[] merged, CancellationToken ct)
    {
        // The surviving story may be new in this batch: stored first, so that stored articles can point at it.
        await db.SaveChangesAsync(ct);
        await db.ArticleStories.Where(a => merged.Contains(a.StoryId)).ExecuteUpdateAsync(u => u.SetProperty(a => a.StoryId, storyId), ct);
        batch.Merge(storyId, merged);
    }

    /// <summary>The number of clustered articles, for IDF: the planner's estimate once the table is large (exact counting grows with it).</summary>
    private async Task<long> CountArticlesAsync(CancellationToken ct)
    {
        var estimate = await db.Database.SqlQuery<long>(
            $"SELECT greatest(reltuples, 0)::bigint AS \"Value\" FROM pg_class WHERE oid = 'analysis.article_stories'::regclass").SingleAsync(ct);
        return estimate >= ExactCountBelow ? estimate : await db.ArticleStories.LongCountAsync(ct);
    }

    private async Task CountTermsAsync(IReadOnlyDictionary<string, int> deltas, CancellationToken ct)
    {
        var changed = deltas.Where(d => d.Value != 0).OrderBy(d => d.Key, StringComparer.Ordinal).ToList();
        if (changed.Count == 0)
        {
            return;
        }
        string[] terms = [.. changed.Select(d => d.Key)];
        int[] counts = [.. changed.Select(d => d.Value)];
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
    private async Task RefreshStoriesAsync(StoryBatch batch, DateTime now, CancellationToken ct)
    {
        if (batch.HasRemovals)
        {
            await RecountStoriesAsync([.. batch.Touched], now, ct);
            return;
        }
        foreach (var (into, merged) in batch.Merges)
        {
            await db.Database.ExecuteSqlAsync($"""
                WITH gone AS (DELETE FROM analysis.stories WHERE id = ANY({merged}) RETURNING article_count, first_time, last_time)
                UPDATE analysis.stories s
                SET article_count = s.article_count + coalesce((SELECT sum(article_count) FROM gone), 0)::int,
                    first_time = least(s.first_time, (SELECT min(first_time) FROM gone)),
                    last_time = greatest(s.last_time, (SELECT max(last_time) FROM gone)), updated_at = {now}
                WHERE s.id = {into}
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
