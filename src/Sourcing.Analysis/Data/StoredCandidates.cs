namespace Sourcing.Analysis.Data;

/// <summary>
/// Story candidates read for a batch's articles before the corpus lock: for each article, the stored articles sharing
/// the most of its heaviest terms, and the highest <see cref="ArticleStory.ChangeSeq"/> stored when they were read.
/// </summary>
public sealed record StoredCandidates(long Seen, IReadOnlyList<List<ArticleStory>> Lists);
