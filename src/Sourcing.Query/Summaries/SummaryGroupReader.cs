using Npgsql;
using Sourcing.Contracts.V1;

namespace Sourcing.Query.Summaries;

/// <summary>
/// Reads one summary group from a row laid out as: key, label, articles, attributions, named,
/// anonymous, reasoned anonymous, distinct speakers, top speaker names, their ids, their counts.
/// </summary>
public static class SummaryGroupReader
{
    /// <summary>Runs a summary's SQL and reads every group it returns.</summary>
    public static async Task<GetSourcingSummaryResponse> QueryAsync(
        NpgsqlDataSource database, Lists.SqlBuilder sql, string text, CancellationToken cancellationToken)
    {
        var response = new GetSourcingSummaryResponse();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = sql.Command(connection, text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            response.Groups.Add(Read(reader));
        }
        return response;
    }

    public static SourcingSummaryGroup Read(NpgsqlDataReader reader)
    {
        var group = new SourcingSummaryGroup
        {
            Key = reader.GetString(0),
            Label = reader.GetString(1),
            ArticleCount = reader.GetInt32(2),
            AttributionCount = reader.GetInt32(3),
            NamedCount = reader.GetInt32(4),
            AnonymousCount = reader.GetInt32(5),
            DistinctSpeakerCount = reader.GetInt32(7),
        };
        group.AnonymousShare = group.AttributionCount == 0 ? 0 : (double)group.AnonymousCount / group.AttributionCount;
        group.ReasonedAnonymousShare = group.AnonymousCount == 0 ? 0 : (double)reader.GetInt32(6) / group.AnonymousCount;
        var names = reader.GetFieldValue<string[]>(8);
        var ids = reader.GetFieldValue<string[]>(9);
        var counts = reader.GetFieldValue<int[]>(10);
        for (var i = 0; i < names.Length; i++)
        {
            group.TopSpeakers.Add(new SpeakerCount { Name = names[i], SpeakerId = i < ids.Length ? ids[i] : "", AttributionCount = counts[i] });
        }
        return group;
    }
}
