using Npgsql;

namespace Sourcing.Query.Data;

/// <summary>The query service's pool of read connections.</summary>
public static class QueryDataSource
{
    /// <summary>How many statements each physical connection keeps prepared (least recently used ones are dropped).</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// Statements run twice on a connection are prepared there (Npgsql auto-prepare), so later calls skip parsing and,
    /// once PostgreSQL settles on a generic plan, planning. A connection string that sets Max Auto Prepare keeps its
    /// value (0 turns it off, as a pooler in transaction mode needs).
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
        }
        // The service never changes session state, so a connection going back to the pool needs no reset statements.
        builder.NoResetOnClose = true;
        return NpgsqlDataSource.Create(builder);
    }
}
