using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Sourcing.Analysis.Data;

/// <summary>
/// Reads a batch's story candidates in two round trips: one statement per article (the latest articles in its window
/// that share a heavy term, planned with that article's terms) sent together, returning ids only; then the signatures
/// of all the candidates at once, each decoded once however many articles share it.
/// </summary>
internal static class StoryCandidateReader
{
    // $3 holds the heavy terms keyed by each period the window touches (StoryPeriods): through the GIN index on
    // term_keys, the statement reads the rows of those periods that share a heavy term, not every row with the term.
    // Ranking them by terms shared costs PostgreSQL a pass over each row's terms; the service does it over numbered
    // terms instead.
    internal const string WindowSql = """
        SELECT s.article_id, s.story_id, s.story_time FROM analysis.article_stories s
        WHERE s.term_keys && $3 AND s.story_time BETWEEN $1 AND $2
        ORDER BY s.story_time DESC
        LIMIT $4
        """;

    public static async Task<CandidateArticle[][]> InWindowAsync(
        AnalysisDbContext db, IReadOnlyList<(DateTime StoryTime, string[] Top)> articles, TimeSpan window, int limit, CancellationToken ct)
    {
        if (articles.Count == 0)
        {
            return [];
        }
        await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
        foreach (var (storyTime, top) in articles)
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(WindowSql)
            {
                Parameters =
                {
                    new() { Value = storyTime - window }, new() { Value = storyTime + window },
                    new() { Value = Stories.StoryPeriods.WindowKeys(top, storyTime - window, storyTime + window) }, new() { Value = limit },
                },
            });
        }
        var lists = new CandidateArticle[articles.Count][];
        await using var reader = await batch.ExecuteReaderAsync(ct);
        for (var i = 0; i < articles.Count; i++)
        {
            var list = new List<CandidateArticle>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(new CandidateArticle(reader.GetGuid(0), reader.GetGuid(1), reader.GetDateTime(2)));
            }
            lists[i] = [.. list];
            await reader.NextResultAsync(ct);
        }
        return lists;
    }

    public static async Task<Dictionary<Guid, StoredSignature>> SignaturesAsync(AnalysisDbContext db, Guid[] articleIds, CancellationToken ct)
    {
        var signatures = new Dictionary<Guid, StoredSignature>(articleIds.Length);
        if (articleIds.Length == 0)
        {
            return signatures;
        }
        await using var command = new NpgsqlCommand(
            "SELECT article_id, terms, weights FROM analysis.article_stories WHERE article_id = ANY($1)",
            (NpgsqlConnection)db.Database.GetDbConnection()) { Parameters = { new() { Value = articleIds } } };
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            signatures[reader.GetGuid(0)] = new StoredSignature(reader.GetFieldValue<string[]>(1), reader.GetFieldValue<float[]>(2));
        }
        return signatures;
    }
}
