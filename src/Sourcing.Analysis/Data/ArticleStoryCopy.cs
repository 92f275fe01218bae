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

    public static Task WriteAsync(AnalysisDbContext db, IReadOnlyList<ArticleStory> rows, CancellationToken ct) =>
        BinaryCopy.WriteAsync(db, Command, rows, async (importer, row, token) =>
        {
            await importer.WriteAsync(row.ArticleId, NpgsqlDbType.Uuid, token);
            await importer.WriteAsync(row.StoryId, NpgsqlDbType.Uuid, token);
            await importer.WriteAsync(row.StoryTime, NpgsqlDbType.TimestampTz, token);
            await importer.WriteAsync(row.Terms, NpgsqlDbType.Array | NpgsqlDbType.Text, token);
            await importer.WriteAsync(row.Weights, NpgsqlDbType.Array | NpgsqlDbType.Real, token);
            await importer.WriteAsync(row.TermKeys, NpgsqlDbType.Array | NpgsqlDbType.Bigint, token);
            await importer.WriteAsync(row.Similarity, NpgsqlDbType.Double, token);
            await importer.WriteAsync(row.AssignedAt, NpgsqlDbType.TimestampTz, token);
        }, ct);
}
