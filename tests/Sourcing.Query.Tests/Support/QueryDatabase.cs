using Npgsql;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Support;

/// <summary>Writes rows the way ingest and analysis do, in plain SQL.</summary>
public static class QueryDatabase
{
    public static async Task StoreAsync(string connectionString, params StoredArticle[] articles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var article in articles)
        {
            await ExecuteAsync(connection, """
                INSERT INTO ingest.articles (id, title, outlet, published_at, received_at, content_type, original_body, text, fingerprint, state, attempts)
                VALUES ($1, $2, $3, $4, now(), 1, $5, $5, $6, $7, 1)
                """, article.Id, article.Title, (object?)article.Outlet ?? DBNull.Value, article.PublishedAt, article.Text,
                Guid.NewGuid().ToString("N"), (short)(article.Quotes is null ? 2 : 4));
            if (article.Quotes is not null)
            {
                await ReplaceAnalysisAsync(connection, article.Id, article.Quotes);
            }
        }
    }

    /// <summary>Replaces an article's analysis in one transaction, in AnalysisStore's order.</summary>
    public static async Task ReplaceAnalysisAsync(string connectionString, Guid articleId, IReadOnlyList<StoredQuote> quotes)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ReplaceAnalysisAsync(connection, articleId, quotes);
    }

    private static async Task ReplaceAnalysisAsync(NpgsqlConnection connection, Guid articleId, IReadOnlyList<StoredQuote> quotes)
    {
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, "DELETE FROM analysis.attributions WHERE article_id = $1", articleId);
        await ExecuteAsync(connection, "DELETE FROM analysis.article_analyses WHERE article_id = $1", articleId);
        await ExecuteAsync(connection, """
            INSERT INTO analysis.article_analyses (article_id, engine_version, analyzed_at, attribution_count, anonymous_count)
            VALUES ($1, 'test', clock_timestamp(), $2, $3)
            """, articleId, quotes.Count, quotes.Count(q => q.Sourcing == 2));
        for (var i = 0; i < quotes.Count; i++)
        {
            var q = quotes[i];
            await ExecuteAsync(connection, """
                INSERT INTO analysis.attributions (id, article_id, ordinal, engine_version, cue_start, cue_end, cue_text,
                    source_start, source_end, source_text, content_start, content_end, content_text, quote_type, speaker, sourcing, entity,
                    reason_start, reason_end, reason_text)
                VALUES ($1, $2, $3, 'test', 0, 4, 'said', 5, 9, $4, 10, 20, $5, $6, $4, $7, $8, $9, $10, $11)
                """, Guid.CreateVersion7(), articleId, i, q.Speaker, $"quote {i}", q.QuoteType, q.Sourcing, q.Entity,
                q.Reason is null ? DBNull.Value : 30, q.Reason is null ? DBNull.Value : 40, (object?)q.Reason ?? DBNull.Value);
        }
        await transaction.CommitAsync();
    }

    public static async Task ExecuteAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await ExecuteAsync(connection, sql, parameters);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }
        await command.ExecuteNonQueryAsync().WaitAsync(TimeSpan.FromSeconds(30));
    }
}
