namespace Sourcing.Query.Lists;

/// <summary>
/// The SQL that picks a page of <c>query.article_index</c> rows (alias <c>i</c>), newest first, before they are joined
/// to the articles.
/// </summary>
public static class ArticlePageSql
{
    /// <summary>How many of the newest rows that pass the other conditions a search looks through first.</summary>
    public const int SearchProbeRows = 1000;

    /// <summary>How many of the newest weeks a search then takes one at a time from the GIN index.</summary>
    public const int SearchWeeks = 8;

    private const string Columns = "i.article_id, i.sort_time, i.attribution_count, i.anonymous_count";
    private const string Newest = "ORDER BY sort_time DESC, article_id DESC";

    /// <summary>
    /// A page of <paramref name="limit"/> rows. Without a search, the filter's index yields the page in order. A search
    /// cannot get its matches in time order from the GIN index, and the planner alone would walk the time index and test
    /// every row (25,000 rows tested at 1M articles for a term in a few thousand), so it goes in three steps, each only
    /// when the ones before found less than a page:
    /// <list type="number">
    /// <item>the newest <see cref="SearchProbeRows"/> rows that pass the other conditions are tested: enough for a
    /// common term;</item>
    /// <item>the newest <see cref="SearchWeeks"/> weeks, one at a time, from the index on (search, week): each week
    /// reads only its own matches, so a term in a few thousand articles costs a few dozen rows, not thousands;</item>
    /// <item>every older match from the GIN index (OFFSET 0 keeps the ordering out of that subquery), for rare terms.</item>
    /// </list>
    /// Each step's rows are all newer than the next step's, so the page is exact.
    /// </summary>
    public static string Page(SqlBuilder sql, int limit)
    {
        if (sql.TextSearch is null)
        {
            return $"SELECT {Columns} FROM query.article_index i WHERE {sql.WhereClause} {Newest} LIMIT {limit}";
        }
        var latest = sql.Latest is { } time ? sql.Parameter(time) : "(SELECT max(sort_time) FROM query.article_index)";
        var earliestWeek = sql.Earliest is { } start ? $"query.search_week({sql.Parameter(start)})" : "-2147483648";
        return $"""
            WITH probe AS MATERIALIZED (
                SELECT article_id, sort_time, attribution_count, anonymous_count
                FROM (SELECT {Columns}, i.search FROM query.article_index i
                      WHERE {sql.WhereClauseWithoutTextSearch} {Newest} LIMIT {SearchProbeRows}) i
                WHERE {sql.TextSearch} {Newest} LIMIT {limit}),
            weeks AS MATERIALIZED (
                SELECT week, greatest(week - {SearchWeeks - 1}, {earliestWeek}) AS last_week
                FROM (SELECT query.search_week({latest}) AS week) w
                WHERE (SELECT count(*) FROM probe) < {limit}),
            recent AS MATERIALIZED (
                SELECT x.* FROM weeks, generate_series(weeks.week, weeks.last_week, -1) w(week)
                CROSS JOIN LATERAL (SELECT {Columns} FROM query.article_index i
                    WHERE {sql.WhereClause} AND query.search_week(i.sort_time) = w.week {Newest} LIMIT {limit}) x
                LIMIT {limit}),
            older AS (
                SELECT article_id, sort_time, attribution_count, anonymous_count
                FROM (SELECT {Columns} FROM query.article_index i WHERE {sql.WhereClause} OFFSET 0) m
                WHERE (SELECT count(*) FROM probe) < {limit} AND (SELECT count(*) FROM recent) < {limit}
                  AND (SELECT last_week FROM weeks) > {earliestWeek}
                  AND query.search_week(m.sort_time) < (SELECT last_week FROM weeks)
                {Newest} LIMIT {limit})
            SELECT * FROM (
                SELECT * FROM probe WHERE (SELECT count(*) FROM probe) = {limit}
                UNION ALL SELECT * FROM recent
                UNION ALL SELECT * FROM older) u
            {Newest} LIMIT {limit}
            """;
    }
}
