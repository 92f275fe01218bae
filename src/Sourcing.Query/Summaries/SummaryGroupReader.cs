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
        var group = Group(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4),
            reader.GetInt32(5), reader.GetInt32(6));
        group.DistinctSpeakerCount = reader.GetInt32(7);
        var names = reader.GetFieldValue<string[]>(8);
        var ids = reader.GetFieldValue<string[]>(9);
        var counts = reader.GetFieldValue<int[]>(10);
        for (var i = 0; i < names.Length; i++)
        {
            group.TopSpeakers.Add(new SpeakerCount { Name = names[i], SpeakerId = i < ids.Length ? ids[i] : "", AttributionCount = counts[i] });
        }
        return group;
    }

    /// <summary>A group's counts and the shares computed from them.</summary>
    public static SourcingSummaryGroup Group(string key, string label, int articles, int attributions, int named, int anonymous, int reasoned) =>
        new()
        {
            Key = key,
            Label = label,
            ArticleCount = articles,
            AttributionCount = attributions,
            NamedCount = named,
            AnonymousCount = anonymous,
            AnonymousShare = attributions == 0 ? 0 : (double)anonymous / attributions,
            ReasonedAnonymousShare = anonymous == 0 ? 0 : (double)reasoned / anonymous,
        };
}
