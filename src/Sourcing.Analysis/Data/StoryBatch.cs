namespace Sourcing.Analysis.Data;

/// <summary>
/// What assigning a batch of articles to stories has decided and not yet stored: the new assignments (which
/// later articles of the batch see as candidates), the term document count changes, and the stories touched.
/// </summary>
internal sealed class StoryBatch
{
    private readonly Dictionary<string, int> _termDeltas = new(StringComparer.Ordinal);
    private readonly Dictionary<Guid, Guid> _mergedInto = [];

    public StoryBatch(IEnumerable<ArticleStory> removed)
    {
        foreach (var previous in removed)
        {
            Count(previous.Terms, -1);
            Touched.Add(previous.StoryId);
            HasRemovals = true;
        }
    }

    /// <summary>Whether the batch took earlier assignments out (a reanalysis): the stories they left must be recounted.</summary>
    public bool HasRemovals { get; }

    /// <summary>The merges in the order they were made: each story took in the others' articles.</summary>
    public List<(Guid Into, Guid[] Merged)> Merges { get; } = [];

    /// <summary>The batch's assignments, one per article in the order they were assigned.</summary>
    public List<ArticleStory> Added { get; } = [];

    public HashSet<Guid> Touched { get; } = [];

    /// <summary>Document counts as stored before this batch, loaded as needed.</summary>
    public Dictionary<string, int> StoredTermCounts { get; } = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, int> TermDeltas => _termDeltas;

    /// <summary>A term's document count as the batch has changed it so far.</summary>
    public int TermCount(string term) => StoredTermCounts.GetValueOrDefault(term) + _termDeltas.GetValueOrDefault(term);

    public IEnumerable<ArticleStory> Candidates(DateTime storyTime, TimeSpan window, string[] top) =>
        Added.Where(a => a.IsCandidateFor(storyTime, window, top));

    public void Add(ArticleStory assignment)
    {
        Added.Add(assignment);
        Touched.Add(assignment.StoryId);
        Count(assignment.Terms, 1);
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
        }
        foreach (var assignment in Added.Where(a => merged.Contains(a.StoryId)))
        {
            assignment.StoryId = into;
        }
        Touched.UnionWith(merged);
        Merges.Add((into, merged));
    }

    private void Count(IEnumerable<string> terms, int delta)
    {
        foreach (var term in terms)
        {
            _termDeltas[term] = _termDeltas.GetValueOrDefault(term) + delta;
        }
    }
}
