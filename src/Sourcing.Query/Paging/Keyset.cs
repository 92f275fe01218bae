namespace Sourcing.Query.Paging;

/// <summary>
/// A position in a list ordered by (time, article id, ordinal): where the next page starts, or where a watch
/// resumes. Ordinal is 0 where the list has one row per article.
/// </summary>
public readonly record struct Keyset(DateTime Time, Guid ArticleId, int Ordinal = 0);
