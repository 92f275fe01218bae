using System.Collections.Concurrent;
using Npgsql;

namespace Sourcing.Query.Bench;

/// <summary>
/// The plans of the SQL the service really runs for a call (prepared statements and all), as auto_explain logs them
/// with ANALYZE and BUFFERS: logging is switched on for the server, one call is made, and the log lines are kept.
/// </summary>
internal sealed class Plans
{
    private readonly ConcurrentQueue<string> _lines = new();
    private volatile bool _capturing;

    /// <summary>
    /// Server settings that load auto_explain, off (log_min_duration -1) until a capture sets log_min_duration with
    /// ALTER SYSTEM, which a setting given on the command line would override.
    /// </summary>
    public static readonly Dictionary<string, string> Settings = new()
    {
        ["shared_preload_libraries"] = "auto_explain",
        ["auto_explain.log_analyze"] = "on", ["auto_explain.log_buffers"] = "on", ["auto_explain.log_timing"] = "on",
    };

    /// <summary>For the server's log: keeps the lines written while capturing.</summary>
    public void Log(string line)
    {
        if (_capturing)
        {
            _lines.Enqueue(line);
        }
    }

    /// <summary>Runs <paramref name="call"/> with every statement's plan logged; returns the plans.</summary>
    public async Task<List<string>> CaptureAsync(string adminConnectionString, Func<Task> call)
    {
        await SetAsync(adminConnectionString, "SET auto_explain.log_min_duration = 0");
        _lines.Clear();
        _capturing = true;
        await call();
        await Task.Delay(500); // the server writes its log asynchronously to us
        _capturing = false;
        await SetAsync(adminConnectionString, "RESET auto_explain.log_min_duration");
        return [.. _lines.Where(l => !l.Contains("ALTER SYSTEM", StringComparison.Ordinal))];
    }

    private static async Task SetAsync(string connectionString, string setting)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var set = new NpgsqlCommand("ALTER SYSTEM " + setting, connection))
        {
            await set.ExecuteNonQueryAsync();
        }
        await using (var reload = new NpgsqlCommand("SELECT pg_reload_conf()", connection))
        {
            await reload.ExecuteNonQueryAsync();
        }
        // Backends apply the reloaded setting before their next statement; give the signal time to arrive.
        await Task.Delay(300);
    }
}
