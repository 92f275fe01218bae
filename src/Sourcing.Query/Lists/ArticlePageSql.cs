namespace Sourcing.Query.Lists;

/// <summary>
/// The SQL that picks a page of <c>query.article_index</c> rows (alias <c>i</c>), newest first, before they are joined
/// to the articles.
/// </summary>
public static class ArticlePageSql
{
    /// <summary>How many of the newest rows that pass the other conditions a search looks through before it uses the GIN index.</summary>
    public const int SearchProbeRows = 1000;

    private const string Columns = "i.article_id, i.sort_time, i.attribution_count, i.anonymous_count";
    private const string Newest = "ORDER BY sort_time DESC, article_id DESC";

    /// <summary>
    /// A page of <paramref name="limit"/> rows. Without a search, the filter's index yields the page in order. With one,
    /// the planner alone would walk the time index and test every row for terms that match a few thousand articles
    /// (its cost model sees cached pages, not the text tested on each row): 25,000 rows tested at 1M articles. So the
    /// newest <see cref="SearchProbeRows"/> rows are tested first, which is enough for a common term; only when they
    /// hold fewer than a page are all the matches taken from the GIN index (OFFSET 0 keeps the ordering out of that
    /// subquery) and the newest of them kept. Either way the page is exact: a probe that found a whole page found the
    /// newest matches.
    /// </summary>
    public static string Page(SqlBuilder sql, int limit) => sql.TextSearch is null
        ? $"SELECT {Columns} FROM query.article_index i WHERE {sql.WhereClause} {Newest} LIMIT {limit}"
        : $"""
            WITH probe AS MATERIALIZED (
                SELECT article_id, sort_time, attribution_count, anonymous_count
                FROM (SELECT {Columns}, i.search FROM query.article_index i
                      WHERE {sql.WhereClauseWithoutTextSearch} {Newest} LIMIT {SearchProbeRows}) i
                WHERE {sql.TextSearch} {Newest} LIMIT {limit})
            SELECT * FROM probe WHERE (SELECT count(*) FROM probe) = {limit}
            UNION ALL
            (SELECT * FROM (SELECT {Columns} FROM query.article_index i WHERE {sql.WhereClause} OFFSET 0) m
             WHERE (SELECT count(*) FROM probe) < {limit} {Newest} LIMIT {limit})
            """;
}
