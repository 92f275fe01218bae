using System.Buffers;
using Npgsql;
using NpgsqlTypes;
using Sourcing.Contracts.V1;
using Sourcing.Query.Lists;

namespace Sourcing.Query.Summaries;

/// <summary>
/// GetSourcingSummary by outlet or by day over whole UTC days: each group's counts are sums of query.sourcing_daily
/// rows, and its speakers are the day sets (query.speaker_day_sets) of its outlets and days, added up here by speaker
/// key. Only the speakers that can make a group's top ten go back to PostgreSQL, to be named and ordered.
/// </summary>
public static class DaySetSummary
{
    /// <param name="conditions">Conditions on the outlet and day columns the aggregate tables share.</param>
    public static async Task<GetSourcingSummaryResponse> GetAsync(NpgsqlDataSource database, SummaryGrouping groupBy, SqlBuilder sql,
        (string Outlets, string Days) conditions, int max, CancellationToken cancellationToken)
    {
        var (column, key) = groupBy == SummaryGrouping.Outlet ? ("outlet", "outlet") : ("day", "to_char(day, 'YYYY-MM-DD')");
        var text = $"""
            WITH g AS (
                SELECT {column} AS grp, {key} AS key, sum(article_count)::int AS articles, sum(attribution_count)::int AS attributions,
                       sum(named_count)::int AS named, sum(anonymous_count)::int AS anonymous,
                       sum(reasoned_anonymous_count)::int AS reasoned
                FROM query.sourcing_daily WHERE {conditions.Outlets} AND {conditions.Days}
                GROUP BY 1, 2 HAVING sum(article_count) > 0
                ORDER BY attributions DESC, key LIMIT {max})
            SELECT g.key, g.articles, g.attributions, g.named, g.anonymous, g.reasoned, s.speaker_counts
            FROM g LEFT JOIN (SELECT * FROM query.speaker_day_sets WHERE {conditions.Outlets} AND {conditions.Days}) s ON s.{column} = g.grp
            ORDER BY g.attributions DESC, g.key
            """;
        var groups = new List<(SourcingSummaryGroup Group, SpeakerTally Speakers)>();
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var command = sql.Command(connection, text))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var groupKey = reader.GetString(0);
                if (groups.Count == 0 || groups[^1].Group.Key != groupKey)
                {
                    groups.Add((SummaryGroupReader.Group(groupKey, groupKey, reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3),
                        reader.GetInt32(4), reader.GetInt32(5)), new SpeakerTally()));
                }
                if (!reader.IsDBNull(6))
                {
                    // Copied into one reused buffer: a new array per day was ~135 KB of garbage a call.
                    var length = (int)reader.GetBytes(6, 0, null, 0, 0);
                    if (length > buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(length);
                    }
                    reader.GetBytes(6, 0, buffer, 0, length);
                    groups[^1].Speakers.Add(buffer.AsSpan(0, length));
                }
            }
        }
        ArrayPool<byte>.Shared.Return(buffer);
        await NameTopSpeakersAsync(connection, groups, cancellationToken);
        var response = new GetSourcingSummaryResponse();
        response.Groups.AddRange(groups.Select(g => g.Group));
        return response;
    }

    /// <summary>Fills each group's distinct speaker count and its top speakers, ordered by count, then name.</summary>
    private static async Task NameTopSpeakersAsync(NpgsqlConnection connection,
        List<(SourcingSummaryGroup Group, SpeakerTally Speakers)> groups, CancellationToken cancellationToken)
    {
        List<int> indexes = [], speakers = [], counts = [];
        for (var i = 0; i < groups.Count; i++)
        {
            groups[i].Group.DistinctSpeakerCount = groups[i].Speakers.DistinctSpeakers;
            foreach (var (speaker, count) in groups[i].Speakers.Contenders(SourcingSummary.TopSpeakerCount))
            {
                indexes.Add(i);
                speakers.Add(speaker);
                counts.Add(count);
            }
        }
        if (indexes.Count == 0)
        {
            return;
        }
        await using var command = new NpgsqlCommand("""
            SELECT u.g, k.speaker, u.c FROM unnest($1::int[], $2::int[], $3::int[]) u(g, key, c)
            CROSS JOIN LATERAL (SELECT speaker FROM query.speaker_keys WHERE key = u.key) k
            ORDER BY u.g, u.c DESC, k.speaker
            """, connection);
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = indexes.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = speakers.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer, Value = counts.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var top = groups[reader.GetInt32(0)].Group.TopSpeakers;
            if (top.Count < SourcingSummary.TopSpeakerCount)
            {
                top.Add(new SpeakerCount { Name = reader.GetString(1), AttributionCount = reader.GetInt32(2) });
            }
        }
    }
}
