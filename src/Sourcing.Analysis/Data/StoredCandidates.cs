namespace Sourcing.Analysis.Data;

/// <summary>
/// Story candidates read for a batch's articles before the corpus lock: for each article, its heaviest terms (a
/// candidate shares one of them) and the stored articles sharing the most of them, and the highest
/// <see cref="ArticleStory.ChangeSeq"/> stored when they were read.
/// </summary>
public sealed record StoredCandidates(long Seen, IReadOnlyList<string[]> Tops, IReadOnlyList<List<ArticleStory>> Lists);
