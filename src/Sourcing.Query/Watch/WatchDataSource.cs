using Npgsql;

namespace Sourcing.Query.Watch;

/// <summary>
/// The connections of WatchAnalyses: its LISTEN and its reads, on the server that sends the notifications. A standby
/// cannot LISTEN ("cannot execute LISTEN during recovery"), and one that has not yet replayed a notified analysis
/// would hide it from the watch until the next poll; so when the connection string names several hosts (reads that
/// prefer a standby) the watch asks for the primary. "primary", not "read-write": the read-only role's sessions are
/// read-only on every server.
/// </summary>
public sealed class WatchDataSource(NpgsqlDataSource source) : IAsyncDisposable
{
    public NpgsqlDataSource Source { get; } = source;

    public static WatchDataSource Create(string connectionString) => new(NpgsqlDataSource.Create(ConnectionString(connectionString)));

    public static string ConnectionString(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Host?.Contains(',', StringComparison.Ordinal) == true)
        {
            builder.TargetSessionAttributes = "primary";
        }
        return builder.ConnectionString;
    }

    public ValueTask DisposeAsync() => Source.DisposeAsync();
}
