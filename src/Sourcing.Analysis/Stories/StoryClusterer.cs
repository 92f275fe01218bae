namespace Sourcing.Analysis.Stories;

/// <summary>
/// Single-link clustering, one article at a time: an article joins every story that has an article within
/// the time window at least <see cref="Threshold"/> similar to it. When it links several stories they become
/// one, so the clusters do not depend on arrival order. The largest keeps its id (then the one with most linked
/// articles): a merge rewrites the smaller stories' articles only, so merging stays cheap as stories grow.
/// </summary>
public static class StoryClusterer
{
    /// <summary>The least similarity that puts two articles in one story (tuned on the seeds and the test samples).</summary>
    public const double Threshold = 0.2;

    public static StoryDecision Assign(
        ArticleSignature article, IEnumerable<StoryCandidate> candidates, Func<string, double> idf, Func<Guid, int>? storySize = null, double threshold = Threshold) =>
        Decide(candidates.Select(c => (c.StoryId, StorySimilarity.Cosine(article, c.Signature, idf))), storySize, threshold);

    /// <summary>The decision from each candidate's story and its similarity to the article.</summary>
    public static StoryDecision Decide(IEnumerable<(Guid StoryId, double Similarity)> candidates, Func<Guid, int>? storySize = null, double threshold = Threshold)
    {
        storySize ??= _ => 0;
        var linked = candidates
            .Where(c => c.Similarity >= threshold)
            .GroupBy(c => c.StoryId)
            .Select(g => (StoryId: g.Key, Links: g.Count(), Best: g.Max(c => c.Similarity)))
            .OrderByDescending(s => storySize(s.StoryId)).ThenByDescending(s => s.Links).ThenByDescending(s => s.Best).ThenBy(s => s.StoryId)
            .ToList();
        if (linked.Count == 0)
        {
            return new StoryDecision(null, [], 0);
        }
        return new StoryDecision(linked[0].StoryId, [.. linked.Skip(1).Select(s => s.StoryId)], linked.Max(s => s.Best));
    }
}
