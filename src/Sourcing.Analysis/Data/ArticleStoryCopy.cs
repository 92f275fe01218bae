using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Writes a batch's story assignments with binary COPY in the open transaction, after the stories they point at: it
/// runs under the corpus lock, where tracked inserts of a few hundred rows with their term arrays cost twice as much.
/// </summary>
internal static class ArticleStoryCopy
{
    private const string Command = """
        COPY analysis.article_stories (article_id, story_id, story_time, terms, weights, term_keys, similarity, assigned_at)
        FROM STDIN (FORMAT BINARY)
        """;

    public static async Task WriteAsync(AnalysisDbContext db, IReadOnlyList<ArticleStory> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return;
        }
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var importer = await connection.BeginBinaryImportAsync(Command, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            await importer.WriteAsync(row.ArticleId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(row.StoryId, NpgsqlDbType.Uuid, ct);
            await importer.WriteAsync(row.StoryTime, NpgsqlDbType.TimestampTz, ct);
            await importer.WriteAsync(row.Terms, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await importer.WriteAsync(row.Weights, NpgsqlDbType.Array | NpgsqlDbType.Real, ct);
            await importer.WriteAsync(row.TermKeys, NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
            await importer.WriteAsync(row.Similarity, NpgsqlDbType.Double, ct);
            await importer.WriteAsync(row.AssignedAt, NpgsqlDbType.TimestampTz, ct);
        }
        await importer.CompleteAsync(ct);
    }
}
