using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Sourcing.Ingest.Bench;

/// <summary>
/// CPU time spent by this process (the ingest and analysis services) and by the PostgreSQL server's processes:
/// on a shared machine the rate per CPU-second is what other work cannot distort.
/// </summary>
public sealed record CpuUsage(TimeSpan Services, TimeSpan Postgres)
{
    private static readonly double TicksPerSecond = 100; // USER_HZ on Linux

    public TimeSpan Total => Services + Postgres;

    public static async Task<CpuUsage> ReadAsync(string connectionString)
    {
        var services = Process.GetCurrentProcess().TotalProcessorTime;
        var postgres = TimeSpan.Zero;
        foreach (var pid in await ServerPidsAsync(connectionString))
        {
            postgres += ProcessTime(pid);
        }
        return new CpuUsage(services, postgres);
    }

    public static CpuUsage operator -(CpuUsage after, CpuUsage before) =>
        new(after.Services - before.Services, after.Postgres - before.Postgres);

    /// <summary>The postmaster and all its children: backends, WAL writer, checkpointer and the rest.</summary>
    private static async Task<List<int>> ServerPidsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync())!;
        var postmaster = ParentOf(backend);
        return [postmaster, .. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != backend && ParentOf(pid) == postmaster)];
    }

    private static string[] StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // The command name (field 2) is in parentheses and may hold spaces: fields are counted after it.
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return [];
        }
    }

    private static int ParentOf(int pid) => StatFields(pid) is { Length: > 1 } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : 0;

    private static TimeSpan ProcessTime(int pid) => StatFields(pid) is { Length: > 12 } f
        ? TimeSpan.FromSeconds((long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond)
        : TimeSpan.Zero;
}
