namespace Sourcing.Query.Lists;

/// <summary>
/// The SQL that picks a page of <c>query.article_index</c> rows (alias <c>i</c>), newest first, before they are joined
/// to the articles.
/// </summary>
public static class ArticlePageSql
{
    /// <summary>How many of the newest rows that pass the other conditions a search looks through first.</summary>
    public const int SearchProbeRows = 1000;

    /// <summary>How many of the newest 28-day periods a search then takes one at a time from the GIN index.</summary>
    public const int SearchPeriods = 4;

    private const string Columns = "i.article_id, i.sort_time, i.attribution_count, i.anonymous_count";
    private const string Newest = "ORDER BY sort_time DESC, article_id DESC";

    /// <summary>
    /// A page of <paramref name="limit"/> rows. Without a search, the filter's index yields the page in order. A search
    /// cannot get its matches in time order from the GIN index, and the planner alone would walk the time index and test
    /// every row (25,000 rows tested at 1M articles for a term in a few thousand), so it goes in three steps, each only
    /// when the ones before found less than a page:
    /// <list type="number">
    /// <item>the newest <see cref="SearchProbeRows"/> rows that pass the other conditions are tested: enough for a
    /// common term, so only a search made of lexemes common enough to fill a page there does it
    /// (<see cref="CommonSearchTerms"/>);</item>
    /// <item>the newest <see cref="SearchPeriods"/> 28-day periods, one at a time, from the index on (search, period):
    /// each reads only its own matches, so a term in a few thousand articles costs a few dozen rows, not thousands;</item>
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
        // Only a search whose every lexeme is common probes: for any other, the newest thousand rows hold too few.
        var probes = sql.CommonLexemes is { } common
            ? $"(SELECT coalesce(bool_and(l = ANY({sql.Parameter(common)})), FALSE) FROM unnest(tsvector_to_array(to_tsvector('english', {sql.SearchText}))) l)"
            : "TRUE";
        var latest = sql.Latest is { } time ? sql.Parameter(time) : "(SELECT max(sort_time) FROM query.article_index)";
        var earliestPeriod = sql.Earliest is { } start ? $"query.search_period({sql.Parameter(start)})" : "-2147483648";
        return $"""
            WITH probe AS MATERIALIZED (
                SELECT article_id, sort_time, attribution_count, anonymous_count
                FROM (SELECT {Columns}, i.search FROM query.article_index i
                      WHERE {sql.WhereClauseWithoutTextSearch} {Newest} LIMIT {SearchProbeRows}) i
                WHERE {probes} AND {sql.TextSearch} {Newest} LIMIT {limit}),
            periods AS MATERIALIZED (
                SELECT period, greatest(period - {SearchPeriods - 1}, {earliestPeriod}) AS last_period
                FROM (SELECT query.search_period({latest}) AS period) p
                WHERE (SELECT count(*) FROM probe) < {limit}),
            recent AS MATERIALIZED (
                SELECT x.* FROM periods, generate_series(periods.period, periods.last_period, -1) p(period)
                CROSS JOIN LATERAL (SELECT {Columns} FROM query.article_index i
                    WHERE {sql.WhereClause} AND query.search_period(i.sort_time) = p.period {Newest} LIMIT {limit}) x
                LIMIT {limit}),
            older AS (
                SELECT article_id, sort_time, attribution_count, anonymous_count
                FROM (SELECT {Columns} FROM query.article_index i WHERE {sql.WhereClause} OFFSET 0) m
                WHERE (SELECT count(*) FROM probe) < {limit} AND (SELECT count(*) FROM recent) < {limit}
                  AND (SELECT last_period FROM periods) > {earliestPeriod}
                  AND query.search_period(m.sort_time) < (SELECT last_period FROM periods)
                {Newest} LIMIT {limit})
            SELECT * FROM (
                SELECT * FROM probe WHERE (SELECT count(*) FROM probe) = {limit}
                UNION ALL SELECT * FROM recent
                UNION ALL SELECT * FROM older) u
            {Newest} LIMIT {limit}
            """;
    }
}
