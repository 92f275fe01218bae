using Npgsql;

namespace Sourcing.LocalPostgres;

/// <summary>Creating databases on any PostgreSQL server, local or not.</summary>
public static class PostgresDatabases
{
    /// <summary>
    /// Creates database <paramref name="name"/> unless it exists (safe to call concurrently) and returns
    /// <paramref name="serverConnectionString"/> pointed at it.
    /// </summary>
    public static async Task<string> CreateIfMissingAsync(string serverConnectionString, string name, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);

        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = name });
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
        {
            try
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)}", connection);
                await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (PostgresException exception) when (exception.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
                // Another caller created it first.
            }
        }

        return WithDatabase(serverConnectionString, name);
    }

    /// <summary>Drops database <paramref name="name"/> if it exists, closing its connections first.</summary>
    public static async Task DropIfExistsAsync(string serverConnectionString, string name, CancellationToken cancellationToken = default)
    {
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {QuoteIdentifier(name)} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary><paramref name="connectionString"/> with its database replaced by <paramref name="database"/>.</summary>
    public static string WithDatabase(string connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ConnectionString;

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
