namespace Sourcing.Analysis.Data;

/// <summary>
/// Story candidates read for a batch's articles before the corpus lock: for each article, its heaviest terms (a
/// candidate shares one of them) and the latest stored articles in its window sharing one; each candidate's signature once,
/// however many of the batch's articles it is a candidate for; and the highest <see cref="ArticleStory.ChangeSeq"/>
/// stored when they were read.
/// </summary>
public sealed record StoredCandidates(
    long Seen, IReadOnlyList<string[]> Tops, IReadOnlyList<CandidateArticle[]> Lists, IReadOnlyDictionary<Guid, StoredSignature> Signatures);

/// <summary>An article already in a story that another may join: its story (when read) and its time.</summary>
public readonly record struct CandidateArticle(Guid ArticleId, Guid StoryId, DateTime StoryTime)
{
    public bool IsWithin(DateTime storyTime, TimeSpan window) => StoryTime >= storyTime - window && StoryTime <= storyTime + window;
}

/// <summary>An article's stored signature: its terms and their weights, in step.</summary>
public sealed record StoredSignature(string[] Terms, float[] Weights);
