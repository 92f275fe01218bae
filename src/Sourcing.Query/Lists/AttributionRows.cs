using Npgsql;
using Sourcing.Query.Data;

namespace Sourcing.Query.Lists;

/// <summary>Reads <c>analysis.attributions</c> rows (alias <c>r</c>) from hand-written SQL.</summary>
public static class AttributionRows
{
    public const string Columns = """
        r.id, r.article_id, r.ordinal, r.engine_version, r.cue_start, r.cue_end, r.cue_text, r.source_start, r.source_end,
        r.source_text, r.content_start, r.content_end, r.content_text, r.quote_type, r.speaker, r.sourcing, r.entity,
        r.reason_start, r.reason_end, r.reason_text, r.speaker_id
        """;

    public static AttributionView Read(NpgsqlDataReader reader, int first) => new()
    {
        Id = reader.GetGuid(first),
        ArticleId = reader.GetGuid(first + 1),
        Ordinal = reader.GetInt32(first + 2),
        EngineVersion = reader.GetString(first + 3),
        CueStart = reader.GetInt32(first + 4),
        CueEnd = reader.GetInt32(first + 5),
        CueText = reader.GetString(first + 6),
        SourceStart = reader.GetInt32(first + 7),
        SourceEnd = reader.GetInt32(first + 8),
        SourceText = reader.GetString(first + 9),
        ContentStart = reader.GetInt32(first + 10),
        ContentEnd = reader.GetInt32(first + 11),
        ContentText = reader.GetString(first + 12),
        QuoteType = reader.GetInt16(first + 13),
        Speaker = reader.GetString(first + 14),
        Sourcing = reader.GetInt16(first + 15),
        Entity = reader.GetInt16(first + 16),
        ReasonStart = reader.IsDBNull(first + 17) ? null : reader.GetInt32(first + 17),
        ReasonEnd = reader.IsDBNull(first + 18) ? null : reader.GetInt32(first + 18),
        ReasonText = reader.IsDBNull(first + 19) ? null : reader.GetString(first + 19),
        SpeakerId = reader.IsDBNull(first + 20) ? null : reader.GetGuid(first + 20),
    };
}
