using Npgsql;
using NpgsqlTypes;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Writes attribution rows with binary COPY in the open transaction: a batch holds thousands, and COPY costs a
/// fraction of what tracked inserts do. Runs after the rows they reference (analyses, speakers, anonymous sources) are saved.
/// </summary>
internal static class AttributionCopy
{
    private const string Command = """
        COPY analysis.attributions (id, article_id, analysis_id, speaker_id, anonymous_source_id, ordinal, engine_version,
            cue_start, cue_end, cue_text, source_start, source_end, source_text, content_start, content_end, content_text,
            quote_type, speaker, sourcing, entity, reason_start, reason_end, reason_text)
        FROM STDIN (FORMAT BINARY)
        """;

    public static Task WriteAsync(AnalysisDbContext db, IReadOnlyList<StoredAttribution> rows, CancellationToken ct) =>
        BinaryCopy.WriteAsync(db, Command, rows, WriteColumnsAsync, ct);

    private static async Task WriteColumnsAsync(NpgsqlBinaryImporter importer, StoredAttribution a, CancellationToken ct)
    {
        await importer.WriteAsync(a.Id, NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(a.ArticleId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(importer, a.AnalysisId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(importer, a.SpeakerId, NpgsqlDbType.Uuid, ct);
        await WriteNullableAsync(importer, a.AnonymousSourceId, NpgsqlDbType.Uuid, ct);
        await importer.WriteAsync(a.Ordinal, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(a.EngineVersion, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(a.CueStart, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(a.CueEnd, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(a.CueText, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(a.SourceStart, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(a.SourceEnd, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(a.SourceText, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(a.ContentStart, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(a.ContentEnd, NpgsqlDbType.Integer, ct);
        await importer.WriteAsync(a.ContentText, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(a.QuoteType, NpgsqlDbType.Smallint, ct);
        await importer.WriteAsync(a.Speaker, NpgsqlDbType.Text, ct);
        await importer.WriteAsync(a.Sourcing, NpgsqlDbType.Smallint, ct);
        await importer.WriteAsync(a.Entity, NpgsqlDbType.Smallint, ct);
        await WriteNullableAsync(importer, a.ReasonStart, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(importer, a.ReasonEnd, NpgsqlDbType.Integer, ct);
        await WriteNullableAsync(importer, a.ReasonText, ct);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? text, CancellationToken ct)
    {
        if (text is null)
        {
            await importer.WriteNullAsync(ct);
        }
        else
        {
            await importer.WriteAsync(text, NpgsqlDbType.Text, ct);
        }
    }

    private static async Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken ct)
        where T : struct
    {
        if (value is { } present)
        {
            await importer.WriteAsync(present, type, ct);
        }
        else
        {
            await importer.WriteNullAsync(ct);
        }
    }
}
