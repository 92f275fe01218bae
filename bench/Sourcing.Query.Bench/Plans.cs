namespace Sourcing.Query.Bench;

/// <summary>The SQL the query service runs for the benchmarked calls, with sample values, for EXPLAIN (ANALYZE, BUFFERS).</summary>
internal static class Plans
{
    public static IEnumerable<(string Name, string Sql)> Queries(Guid articleId, DateTime windowStart)
    {
        var start = windowStart.ToString("yyyy-MM-dd");
        var end90 = windowStart.AddDays(90).ToString("yyyy-MM-dd");
        var end30 = windowStart.AddDays(30).ToString("yyyy-MM-dd");
        yield return ("GetArticle: attributions of one article", $"""
            SELECT * FROM analysis.attributions WHERE article_id = '{articleId}' ORDER BY ordinal
            """);
        yield return ("ListArticles: outlet, 90 days, has anonymous", $"""
            SELECT i.article_id, i.sort_time, i.attribution_count, i.anonymous_count, a.external_id, a.url, a.title,
                   a.outlet, a.byline, a.dateline, a.published_at, a.received_at, a.state
            FROM query.article_index i JOIN ingest.articles a ON a.id = i.article_id
            WHERE i.outlet = 'Outlet 07' AND i.sort_time >= '{start}' AND i.sort_time < '{end90}' AND i.anonymous_count > 0
            ORDER BY i.sort_time DESC, i.article_id DESC LIMIT 51
            """);
        yield return ("ListArticles: full-text search", """
            SELECT i.article_id, i.sort_time, i.attribution_count, i.anonymous_count, a.external_id, a.url, a.title,
                   a.outlet, a.byline, a.dateline, a.published_at, a.received_at, a.state
            FROM query.article_index i JOIN ingest.articles a ON a.id = i.article_id
            WHERE i.search @@ websearch_to_tsquery('english', 'term2500')
            ORDER BY i.sort_time DESC, i.article_id DESC LIMIT 51
            """);
        yield return ("GetSourcingSummary: one outlet, 30 days (aggregates)", $"""
            WITH g AS (
                SELECT d.outlet AS key, sum(d.article_count)::int AS articles, sum(d.attribution_count)::int AS attributions
                FROM query.sourcing_daily d WHERE d.outlet = 'Outlet 07' AND d.day >= '{start}' AND d.day < '{end30}'
                GROUP BY 1 HAVING sum(d.article_count) > 0 ORDER BY attributions DESC LIMIT 100),
            s AS (
                SELECT d.outlet AS key, d.speaker, sum(d.attribution_count)::int AS c FROM query.speaker_daily d
                WHERE d.outlet = 'Outlet 07' AND d.day >= '{start}' AND d.day < '{end30}' AND d.outlet IN (SELECT key FROM g)
                GROUP BY 1, 2 HAVING sum(d.attribution_count) > 0)
            SELECT key, count(*), max(c) FROM s GROUP BY key
            """);
        yield return ("GetSourcingSummary: all outlets, all time", """
            WITH g AS (
                SELECT d.outlet AS key, sum(d.article_count)::int AS articles, sum(d.attribution_count)::int AS attributions
                FROM query.sourcing_daily d GROUP BY 1 HAVING sum(d.article_count) > 0 ORDER BY attributions DESC, key LIMIT 100)
            SELECT g.key, g.articles, g.attributions,
                   (SELECT count(*) FROM query.speaker_outlet so WHERE so.outlet = g.key AND so.attribution_count > 0)::int,
                   t.names
            FROM g LEFT JOIN LATERAL (
                SELECT array_agg(x.speaker ORDER BY x.attribution_count DESC, x.speaker) AS names
                FROM (SELECT so.speaker, so.attribution_count FROM query.speaker_outlet so
                      WHERE so.outlet = g.key AND so.attribution_count > 0
                      ORDER BY so.attribution_count DESC, so.speaker LIMIT 10) x) t ON TRUE
            ORDER BY g.attributions DESC, g.key
            """);
    }
}
