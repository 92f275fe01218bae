using Npgsql;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Query.Lists;
using Sourcing.Query.Paging;

namespace Sourcing.Query.Summaries;

/// <summary>
/// GetSourcingSummary by outlet or day (by story or speaker: <see cref="EntitySummary"/>). A filter of outlets and
/// whole-UTC-day times reads the aggregates the triggers keep: query.outlet_totals by outlet over all time, otherwise
/// query.sourcing_daily and the day sets of query.speaker_day_sets (<see cref="DaySetSummary"/>). Any other filter
/// (search, anonymity, times within a day) aggregates the matching articles' rows at query time, bounded by that
/// filter.
/// </summary>
public sealed class SourcingSummary(NpgsqlDataSource database)
{
    public const int DefaultMaxGroups = 100;
    public const int MaxGroups = 1000;
    public const int TopSpeakerCount = 10;

    public async Task<GetSourcingSummaryResponse> GetAsync(GetSourcingSummaryRequest request, CancellationToken cancellationToken)
    {
        var key = request.GroupBy switch
        {
            SummaryGrouping.Outlet => "d.outlet",
            SummaryGrouping.Day => "to_char(d.day, 'YYYY-MM-DD')",
            SummaryGrouping.Story or SummaryGrouping.Speaker => null,
            _ => throw RpcErrors.InvalidArgument("group_by", "Required: SUMMARY_GROUPING_OUTLET, _DAY, _STORY or _SPEAKER."),
        };
        var max = PageSize.Resolve(request.MaxGroups, DefaultMaxGroups, MaxGroups, "max_groups");
        if (key is null)
        {
            return await EntitySummary.GetAsync(database, request, max, cancellationToken);
        }
        var sql = new SqlBuilder();
        if (UsesAggregates(request.Filter))
        {
            var aggregate = AggregateConditions(request.Filter, sql);
            if (request.GroupBy == SummaryGrouping.Outlet && request.Filter?.StartTime is null && request.Filter?.EndTime is null)
            {
                return await SummaryGroupReader.QueryAsync(database, sql, AllTimeByOutlet(aggregate.Outlets, max), cancellationToken);
            }
            return await DaySetSummary.GetAsync(database, request.GroupBy, sql, aggregate, max, cancellationToken);
        }
        var (groupSource, speakerSource) = LiveSources(request.Filter, sql);

        // Speakers are ranked by count alone (integers, cheap to sort); only those tied with the tenth or better
        // (rank <= 10) are then ordered by name as well, not every speaker of the group.
        var text = $"""
            WITH g AS (
                SELECT {key} AS key, sum(d.article_count)::int AS articles, sum(d.attribution_count)::int AS attributions,
                       sum(d.named_count)::int AS named, sum(d.anonymous_count)::int AS anonymous,
                       sum(d.reasoned_anonymous_count)::int AS reasoned
                FROM ({groupSource}) d
                GROUP BY 1 HAVING sum(d.article_count) > 0
                ORDER BY attributions DESC, key LIMIT {max}),
            s AS (
                SELECT {key} AS key, d.speaker, sum(d.attribution_count)::int AS c
                FROM ({speakerSource}) d
                WHERE {key} IN (SELECT key FROM g)
                GROUP BY 1, 2 HAVING sum(d.attribution_count) > 0),
            r AS (
                SELECT key, speaker, c, count(*) OVER (PARTITION BY key) AS distinct_speakers,
                       rank() OVER (PARTITION BY key ORDER BY c DESC) AS rank
                FROM s)
            SELECT g.key, g.key, g.articles, g.attributions, g.named, g.anonymous, g.reasoned,
                   coalesce(max(r.distinct_speakers), 0)::int,
                   coalesce((array_agg(r.speaker ORDER BY r.c DESC, r.speaker) FILTER (WHERE r.rank IS NOT NULL))[1:{TopSpeakerCount}], ARRAY[]::text[]),
                   ARRAY[]::text[],
                   coalesce((array_agg(r.c ORDER BY r.c DESC, r.speaker) FILTER (WHERE r.rank IS NOT NULL))[1:{TopSpeakerCount}], ARRAY[]::int[])
            FROM g LEFT JOIN r ON r.key = g.key AND r.rank <= {TopSpeakerCount}
            GROUP BY g.key, g.articles, g.attributions, g.named, g.anonymous, g.reasoned
            ORDER BY g.attributions DESC, g.key
            """;
        return await SummaryGroupReader.QueryAsync(database, sql, text, cancellationToken);
    }

    /// <summary>
    /// By outlet over all time: one query.outlet_totals row per outlet (its counts and distinct speakers, kept by
    /// triggers) and its top speakers from query.speaker_outlet's index, ten rows per outlet.
    /// </summary>
    private static string AllTimeByOutlet(string outletCondition, int max) => $"""
        SELECT t.outlet, t.outlet, t.article_count, t.attribution_count, t.named_count, t.anonymous_count,
               t.reasoned_anonymous_count, t.speaker_count, coalesce(top.names, ARRAY[]::text[]), ARRAY[]::text[],
               coalesce(top.counts, ARRAY[]::int[])
        FROM query.outlet_totals t LEFT JOIN LATERAL (
            SELECT array_agg(x.speaker ORDER BY x.attribution_count DESC, x.speaker) AS names,
                   array_agg(x.attribution_count ORDER BY x.attribution_count DESC, x.speaker) AS counts
            FROM (SELECT so.speaker, so.attribution_count FROM query.speaker_outlet so
                  WHERE so.outlet = t.outlet AND so.attribution_count > 0
                  ORDER BY so.attribution_count DESC, so.speaker LIMIT {TopSpeakerCount}) x) top ON TRUE
        WHERE t.article_count > 0 AND {outletCondition}
        ORDER BY t.attribution_count DESC, t.outlet
        LIMIT {max}
        """;

    private static bool UsesAggregates(ArticleFilter? filter) =>
        filter is null || (!filter.HasHasAnonymous && !filter.HasMinAnonymousShare && string.IsNullOrWhiteSpace(filter.Query)
            && IsWholeDay(filter.StartTime) && IsWholeDay(filter.EndTime));

    private static bool IsWholeDay(Google.Protobuf.WellKnownTypes.Timestamp? time) =>
        time is null || (time.Seconds % 86400 == 0 && time.Nanos == 0);

    /// <summary>The filter as conditions on the outlet and on the day columns the aggregate tables share.</summary>
    private static (string Outlets, string Days) AggregateConditions(ArticleFilter? filter, SqlBuilder sql)
    {
        var outlets = "TRUE";
        var conditions = new List<string> { "TRUE" };
        if (filter is not null)
        {
            var violations = ArticleFilterSql.Validate(filter, "filter");
            if (violations.Count > 0)
            {
                throw RpcErrors.InvalidArgument(violations);
            }
            if (filter.Outlets.Count > 0)
            {
                outlets = $"outlet = ANY({sql.Parameter(filter.Outlets.ToArray())})";
            }
            if (filter.StartTime is { } start)
            {
                conditions.Add($"day >= {sql.Parameter(DateOnly.FromDateTime(start.ToDateTime()))}");
            }
            if (filter.EndTime is { } end)
            {
                conditions.Add($"day < {sql.Parameter(DateOnly.FromDateTime(end.ToDateTime()))}");
            }
        }
        return (outlets, string.Join(" AND ", conditions));
    }

    private static (string Groups, string Speakers) LiveSources(ArticleFilter? filter, SqlBuilder sql)
    {
        ArticleFilterSql.Apply(filter, sql, "filter");
        var articles = $"SELECT i.article_id, i.outlet, query.utc_day(i.sort_time) AS day FROM query.article_index i WHERE i.analyzed_at IS NOT NULL AND {sql.WhereClause}";
        var groups = $"""
            SELECT m.outlet, m.day, 1 AS article_count, count(r.id) AS attribution_count,
                   count(*) FILTER (WHERE r.sourcing = 1) AS named_count, count(*) FILTER (WHERE r.sourcing = 2) AS anonymous_count,
                   count(*) FILTER (WHERE r.sourcing = 2 AND r.reason_start IS NOT NULL) AS reasoned_anonymous_count
            FROM ({articles}) m LEFT JOIN analysis.attributions r ON r.article_id = m.article_id
            GROUP BY m.article_id, m.outlet, m.day
            """;
        var speakers = $"""
            SELECT m.outlet, m.day, r.speaker, count(*) AS attribution_count
            FROM ({articles}) m JOIN analysis.attributions r ON r.article_id = m.article_id
            GROUP BY 1, 2, 3
            """;
        return (groups, speakers);
    }
}
