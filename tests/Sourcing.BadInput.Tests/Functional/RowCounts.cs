using Npgsql;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>Exact row counts of every table in some schemas, to show that a rejected request wrote nothing.</summary>
public static class RowCounts
{
    public static async Task<IReadOnlyDictionary<string, long>> ReadAsync(string connectionString, params string[] schemas)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' AND table_name <> '__ef_migrations_history'
            ORDER BY 1
            """, connection) { Parameters = { new() { Value = schemas } } })
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {table}", connection);
            counts[table] = (long)(await count.ExecuteScalarAsync())!;
        }
        return counts;
    }
}
