using Sourcing.Analysis.Stories;

namespace Sourcing.Analysis.Data;

/// <summary>
/// What assigning a batch of articles to stories has decided and not yet stored: the new assignments (which later
/// articles of the batch see as candidates), the merges, the term document count changes, the stories touched
/// and their sizes; with the signature of every article the batch compares, over one <see cref="TermSpace"/>.
/// </summary>
internal sealed class StoryBatch
{
    private readonly Dictionary<Guid, Guid> _mergedInto = [];
    private readonly Dictionary<Guid, TermVector> _signatures = [];
    private readonly Dictionary<Guid, int> _sizes = [];

    public StoryBatch(IEnumerable<ArticleStory> removed)
    {
        foreach (var previous in removed)
        {
            Terms.Count(Terms.Vector(previous.Terms, previous.Weights), -1);
            Touched.Add(previous.StoryId);
            HasRemovals = true;
        }
    }

    public TermSpace Terms { get; } = new();

    /// <summary>Whether the batch took earlier assignments out (a reanalysis): the stories they left must be recounted.</summary>
    public bool HasRemovals { get; }

    /// <summary>The batch's assignments, one per article in the order they were assigned.</summary>
    public List<ArticleStory> Added { get; } = [];

    public HashSet<Guid> Touched { get; } = [];

    /// <summary>Registers a stored article's signature (a later registration of one article replaces an earlier one).</summary>
    public void AddSignature(Guid articleId, TermVector signature) => _signatures[articleId] = signature;

    public TermVector SignatureOf(Guid articleId) => _signatures[articleId];

    public void SetStoredSize(Guid storyId, int articles) => _sizes[storyId] = articles;

    /// <summary>How many articles a story has: stored, plus the batch's, plus those of the stories it took in.</summary>
    public int StorySize(Guid storyId) => _sizes.GetValueOrDefault(storyId);

    /// <summary>The batch's assigned articles in the window around <paramref name="storyTime"/>.</summary>
    public IEnumerable<CandidateArticle> Candidates(DateTime storyTime, TimeSpan window) =>
        Added.Select(a => new CandidateArticle(a.ArticleId, a.StoryId, a.StoryTime)).Where(c => c.IsWithin(storyTime, window));

    /// <summary>Adds an assignment, with the article's signature as it will be stored.</summary>
    public void Add(ArticleStory assignment)
    {
        var signature = Terms.Vector(assignment.Terms, assignment.Weights);
        Added.Add(assignment);
        Touched.Add(assignment.StoryId);
        Terms.Count(signature, 1);
        _signatures[assignment.ArticleId] = signature;
        _sizes[assignment.StoryId] = StorySize(assignment.StoryId) + 1;
    }

    /// <summary>The story a stored story is now part of, after the batch's merges so far.</summary>
    public Guid StoryOf(Guid storyId)
    {
        while (_mergedInto.TryGetValue(storyId, out var into))
        {
            storyId = into;
        }
        return storyId;
    }

    public void Merge(Guid into, Guid[] merged)
    {
        foreach (var story in merged)
        {
            _mergedInto[story] = into;
            _sizes[into] = StorySize(into) + StorySize(story);
            _sizes.Remove(story);
        }
        foreach (var assignment in Added.Where(a => merged.Contains(a.StoryId)))
        {
            assignment.StoryId = into;
        }
        Touched.UnionWith(merged);
    }

    /// <summary>Every story merged away in the batch, in step with the story it ended up part of.</summary>
    public (Guid[] Merged, Guid[] Into) FinalMerges()
    {
        Guid[] merged = [.. _mergedInto.Keys];
        return (merged, [.. merged.Select(StoryOf)]);
    }
}
