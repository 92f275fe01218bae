using Npgsql;

namespace Sourcing.Ingest.Bench;

/// <summary>PostgreSQL's own counters for one database: commits, rows written and WAL bytes.</summary>
public sealed record DatabaseActivity(long Commits, long RowsWritten, long WalBytes)
{
    public static async Task<DatabaseActivity> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var flush = new NpgsqlCommand("SELECT pg_stat_force_next_flush()", connection))
        {
            await flush.ExecuteNonQueryAsync();
        }
        await using var command = new NpgsqlCommand("""
            SELECT xact_commit, tup_inserted + tup_updated + tup_deleted,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint
            FROM pg_stat_database WHERE datname = current_database()
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new DatabaseActivity(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    public static DatabaseActivity operator -(DatabaseActivity after, DatabaseActivity before) =>
        new(after.Commits - before.Commits, after.RowsWritten - before.RowsWritten, after.WalBytes - before.WalBytes);
}
