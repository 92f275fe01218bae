using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Query.Lists;

namespace Sourcing.Query.Summaries;

/// <summary>
/// GetSourcingSummary by story or by resolved speaker: aggregated at query time over the matching
/// articles' attributions (stories and speakers are re-resolved as articles arrive, so their
/// aggregates are not kept).
/// </summary>
public static class EntitySummary
{
    public static async Task<GetSourcingSummaryResponse> GetAsync(
        NpgsqlDataSource database, GetSourcingSummaryRequest request, int max, CancellationToken cancellationToken)
    {
        var sql = new SqlBuilder();
        ArticleFilterSql.Apply(request.Filter, sql, "filter");
        var (key, label, join) = request.GroupBy == SummaryGrouping.Story
            ? ("st.story_id", "coalesce(s.label, st.story_id::text)",
               "JOIN analysis.article_stories st ON st.article_id = r.article_id LEFT JOIN analysis.stories s ON s.id = st.story_id")
            : ("r.speaker_id", "sp.name", "JOIN analysis.speakers sp ON sp.id = r.speaker_id");
        var text = $"""
            WITH rows AS (
                SELECT {key} AS key, {label} AS label, r.article_id, r.sourcing, r.reason_start, r.speaker, r.speaker_id
                FROM analysis.attributions r
                JOIN query.article_index i ON i.article_id = r.article_id
                {join}
                WHERE {sql.WhereClause}),
            g AS (
                SELECT key, min(label) AS label, count(DISTINCT article_id)::int AS articles, count(*)::int AS attributions,
                       count(*) FILTER (WHERE sourcing = 1)::int AS named, count(*) FILTER (WHERE sourcing = 2)::int AS anonymous,
                       count(*) FILTER (WHERE sourcing = 2 AND reason_start IS NOT NULL)::int AS reasoned,
                       count(DISTINCT speaker)::int AS speakers
                FROM rows GROUP BY key ORDER BY attributions DESC, key LIMIT {max}),
            t AS (
                SELECT key, speaker, speaker_id, count(*)::int AS c,
                       row_number() OVER (PARTITION BY key ORDER BY count(*) DESC, speaker) AS rank
                FROM rows WHERE key IN (SELECT key FROM g) GROUP BY key, speaker, speaker_id)
            SELECT g.key::text, g.label, g.articles, g.attributions, g.named, g.anonymous, g.reasoned, g.speakers,
                   coalesce(array_agg(t.speaker ORDER BY t.rank) FILTER (WHERE t.rank <= {SourcingSummary.TopSpeakerCount}), ARRAY[]::text[]),
                   coalesce(array_agg(coalesce(t.speaker_id::text, '') ORDER BY t.rank) FILTER (WHERE t.rank <= {SourcingSummary.TopSpeakerCount}), ARRAY[]::text[]),
                   coalesce(array_agg(t.c ORDER BY t.rank) FILTER (WHERE t.rank <= {SourcingSummary.TopSpeakerCount}), ARRAY[]::int[])
            FROM g LEFT JOIN t ON t.key = g.key
            GROUP BY g.key, g.label, g.articles, g.attributions, g.named, g.anonymous, g.reasoned, g.speakers
            ORDER BY g.attributions DESC, g.key
            """;
        return await SummaryGroupReader.QueryAsync(database, sql, text, cancellationToken);
    }
}
