using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Data;
using Sourcing.Ingest;
using Sourcing.Ingest.Data;
using Sourcing.LocalPostgres;
using Sourcing.Query.Data;
using Sourcing.Testing;

namespace Sourcing.Query.Bench;

/// <summary>
/// The benchmark's server and corpus: loaded once with COPY, then query's migrations (which build the read models
/// from what is stored) and VACUUM ANALYZE. With a kept data folder, a corpus of the same size is reused and only
/// query's pending migrations run.
/// </summary>
internal static class BenchDatabase
{
    /// <summary>
    /// Server settings for many small concurrent read queries. Parallel workers only add start-up cost and
    /// contention on 2 cores; JIT compiles for longer than these queries run; shared_buffers holds the working set.
    /// </summary>
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["shared_buffers"] = "4GB", ["effective_cache_size"] = "12GB", ["work_mem"] = "16MB", ["maintenance_work_mem"] = "512MB",
        ["max_wal_size"] = "8GB", ["checkpoint_timeout"] = "30min",
        ["max_parallel_workers_per_gather"] = "0", ["jit"] = "off",
    };

    public static Task<LocalPostgresServer> StartAsync(string? dataDirectory, Plans plans) => LocalPostgresServer.StartAsync(new LocalPostgresOptions
    {
        DataDirectory = dataDirectory, Fsync = false, StartTimeout = TimeSpan.FromMinutes(2), Log = plans.Log,
        Settings = Settings.Concat(Plans.Settings).ToDictionary(),
    });

    /// <summary>Makes sure the database holds <paramref name="articles"/> generated articles; returns their ids.</summary>
    public static async Task<Guid[]> PrepareAsync(string connectionString, int articles)
    {
        var clock = Stopwatch.StartNew();
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, connectionString);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, connectionString);
        var ids = await StoredIdsAsync(connectionString);
        if (ids.Length == articles)
        {
            Console.WriteLine($"Reusing the {articles:N0} stored articles");
        }
        else if (ids.Length == 0)
        {
            ids = await Loader.LoadAsync(connectionString, articles);
            Console.WriteLine($"Loaded with COPY in {clock.Elapsed.TotalSeconds:F0} s");
        }
        else
        {
            throw new InvalidOperationException($"The kept database holds {ids.Length:N0} articles, not {articles:N0}: use another --data-dir.");
        }
        clock.Restart();
        // Query's migration builds its read models from what is stored (the bulk load ran before its triggers existed).
        var longCommands = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 3600 }.ConnectionString;
        await using (var migrate = QueryApp.Build([MigrateCommand.Argument], b => b.Configuration.AddInMemoryCollection(
            new Dictionary<string, string?> { ["ConnectionStrings:sourcing"] = longCommands, ["Logging:LogLevel:Default"] = "Warning" })))
        {
            if (await MigrateCommand.RunAsync<QueryDbContext>(migrate) != 0)
            {
                throw new InvalidOperationException("Query's migration failed.");
            }
        }
        await ExecuteAsync(connectionString, "VACUUM ANALYZE");
        Console.WriteLine($"Query migration (read models, indexes) and VACUUM ANALYZE in {clock.Elapsed.TotalSeconds:F0} s");
        return ids;
    }

    private static async Task<Guid[]> StoredIdsAsync(string connectionString)
    {
        var ids = new List<Guid>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT id FROM ingest.articles ORDER BY id", connection) { CommandTimeout = 600 };
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetGuid(0));
        }
        return [.. ids];
    }

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
        await command.ExecuteNonQueryAsync();
    }
}
