using Npgsql;
using Sourcing.LocalPostgres;
using Sourcing.LocalPostgres.Processes;

namespace Sourcing.Replication.Tests.Functional;

/// <summary>
/// A PostgreSQL primary and a hot standby that streams from it, both on loopback in their own folders: the
/// standby is a <c>pg_basebackup -R</c> of the primary, run as the server's OS user as LocalPostgres runs initdb.
/// </summary>
public sealed class StreamingReplica : IAsyncLifetime
{
    private const string ServerOsUser = "postgres";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"sourcing-replica-{Guid.NewGuid():N}");

    public LocalPostgresServer Primary { get; private set; } = null!;

    public LocalPostgresServer Standby { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        Primary = await LocalPostgresServer.StartAsync(new LocalPostgresOptions
        {
            DataDirectory = Path.Combine(_root, "primary"),
            Fsync = false,
            Settings = new Dictionary<string, string> { ["wal_level"] = "replica", ["max_wal_senders"] = "4" },
        });
        await AllowReplicationAsync();
        // An empty folder of the server's user, private as PostgreSQL wants it; pg_basebackup fills it.
        var standbyDirectory = Path.Combine(_root, "standby");
        Directory.CreateDirectory(standbyDirectory);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(standbyDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        if (CurrentUser.IsRoot)
        {
            OsUser.Find(ServerOsUser)?.TakeOwnership(standbyDirectory);
        }
        await ChildProcess.RunAsync(new ChildProcessStartInfo
        {
            FileName = Path.Combine(PostgresBinaries.Locate().Directory, "pg_basebackup"),
            Arguments = ["-h", "127.0.0.1", "-p", Primary.Port.ToString(), "-U", "postgres", "-D", standbyDirectory,
                "-R", "-X", "stream", "-c", "fast", "--no-sync"],
            RunAsUserWhenRoot = ServerOsUser,
        }, Timeout);
        Standby = await LocalPostgresServer.StartAsync(new LocalPostgresOptions { DataDirectory = standbyDirectory, Fsync = false });
    }

    public async Task DisposeAsync()
    {
        if (Standby is not null)
        {
            await Standby.DisposeAsync();
        }
        if (Primary is not null)
        {
            await Primary.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }

    /// <summary>Waits until the standby has replayed everything the primary has written so far.</summary>
    public async Task WaitForReplayAsync()
    {
        var target = await ScalarAsync<string>(Primary.ConnectionString, "SELECT pg_current_wal_lsn()::text");
        var deadline = DateTime.UtcNow + Timeout;
        while (!await ScalarAsync<bool>(Standby.ConnectionString, $"SELECT pg_last_wal_replay_lsn() >= '{target}'::pg_lsn"))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The standby did not replay up to {target} within {Timeout}.");
            }
            await Task.Delay(50);
        }
    }

    public static async Task<T> ScalarAsync<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    // initdb -A trust already writes a trusted replication line for 127.0.0.1; make sure, whatever its version does.
    private async Task AllowReplicationAsync()
    {
        const string line = "host replication all 127.0.0.1/32 trust";
        var hba = Path.Combine(Primary.DataDirectory, "pg_hba.conf");
        var lines = await File.ReadAllLinesAsync(hba);
        if (!lines.Any(l => string.Join(' ', l.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries)) == line))
        {
            await File.AppendAllTextAsync(hba, line + "\n");
            await ScalarAsync<bool>(Primary.ConnectionString, "SELECT pg_reload_conf()");
        }
    }
}
