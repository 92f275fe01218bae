using Npgsql;
using Sourcing.Contracts.V1;

namespace Sourcing.Query.Summaries;

/// <summary>
/// Reads one summary group from a row laid out as: key, label, articles, attributions, named,
/// anonymous, reasoned anonymous, distinct speakers, top speaker names, their ids, their counts.
/// </summary>
public static class SummaryGroupReader
{
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
