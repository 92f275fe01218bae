using Npgsql;

namespace Sourcing.Query.Data;

/// <summary>The query service's pool of read connections.</summary>
public static class QueryDataSource
{
    /// <summary>How many statements each physical connection keeps prepared (least recently used ones are dropped).</summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>
    /// Connections the pool opens at most unless the connection string says (Maximum Pool Size): twice the processors the
    /// service sees, at least 4. A call that finds them all busy waits its turn in the pool, in order. With Npgsql's
    /// default of 100, every concurrent call ran its own backend and the server time-sliced them all: at 1M articles on
    /// 2 shared cores, p99 latency was two to three times what it is with 4.
    /// </summary>
    public static int DefaultMaxPoolSize => Math.Max(4, 2 * Environment.ProcessorCount);

    /// <summary>
    /// Statements run twice on a connection are prepared there (Npgsql auto-prepare), so later calls skip parsing and
    /// rewriting. They are still planned with each call's values (plan_cache_mode=force_custom_plan): a generic plan
    /// cannot tell a rare search term from a common one or one outlet from all, and at 1M articles PostgreSQL's
    /// generic plans walked the time index for both. A connection string that sets Max Auto Prepare keeps its value
    /// and gets neither (0 turns preparing off, as a pooler in transaction mode needs).
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
            builder.AutoPrepareMinUsages = 2;
            builder.Options = $"{builder.Options} -c plan_cache_mode=force_custom_plan".Trim();
        }
        if (!new[] { "MaxPoolSize", "Maximum Pool Size" }.Any(k => connectionString.Contains(k, StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxPoolSize = Math.Max(DefaultMaxPoolSize, builder.MinPoolSize);
        }
        // The service never changes session state, so a connection going back to the pool needs no reset statements.
        builder.NoResetOnClose = true;
        return NpgsqlDataSource.Create(builder);
    }
}
