using Sourcing.LocalPostgres.Processes;

namespace Sourcing.LocalPostgres;

/// <summary>Prepares a PostgreSQL data folder: creates it, hands it to the server's OS user, runs initdb once.</summary>
internal static class PostgresDataDirectory
{
    /// <summary>The OS user that runs the server when this process is root (initdb refuses root).</summary>
    public const string ServerOsUser = "postgres";

    /// <summary>The user the server runs as: null for the current user, else the postgres OS user.</summary>
    public static OsUser? ServerUser()
    {
        if (!CurrentUser.IsRoot)
        {
            return null;
        }

        return OsUser.Find(ServerOsUser) ?? throw new InvalidOperationException(
            $"Running as root, the PostgreSQL server must run as the '{ServerOsUser}' OS user, and there is none: " +
            "install postgresql (apt-get install postgresql) or create it (useradd --system --home /var/lib/postgresql postgres).");
    }

    public static bool IsInitialized(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    /// <summary>Creates the folder, gives it to the server user and runs initdb if it has not been initialized.</summary>
    public static async Task EnsureInitializedAsync(
        string dataDirectory, PostgresBinaries binaries, bool fsync, TimeSpan timeout, Action<string>? log, CancellationToken cancellationToken)
    {
        var user = ServerUser();
        if (user is not null && OsUser.FindUntraversableAncestor(dataDirectory) is { } blocked)
        {
            throw new InvalidOperationException(
                $"The '{user.Name}' OS user cannot reach the PostgreSQL data folder {dataDirectory}: {blocked} is not " +
                $"traversable by other users. Choose a data folder elsewhere (for example under /var/tmp) or run 'chmod o+x {blocked}'.");
        }

        if (IsInitialized(dataDirectory))
        {
            return;
        }

        Directory.CreateDirectory(dataDirectory);
        user?.TakeOwnership(dataDirectory);

        // Local throwaway server: trust authentication is safe only because it listens on 127.0.0.1 alone.
        List<string> arguments = ["-D", dataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale", "--no-instructions"];
        if (!fsync)
        {
            arguments.Add("--no-sync");
        }

        await ChildProcess.RunAsync(
            new ChildProcessStartInfo { FileName = binaries.InitDb, Arguments = arguments, RunAsUserWhenRoot = ServerOsUser },
            timeout,
            log is null ? null : line => log(line.Text),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Stops a server left running on this folder by an owner that died without stopping it
    /// (its pid is the first line of postmaster.pid).
    /// </summary>
    public static void StopStaleServer(string dataDirectory, TimeSpan timeout)
    {
        var pidFile = Path.Combine(dataDirectory, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid))
        {
            return;
        }

        // Only the postmaster of this very folder: a reused pid or a backend (whose command line reads
        // "postgres: ...") of another server is never signalled.
        if (!ProcessTable.IsAlive(pid) || !ProcessTable.CommandLine(pid).Contains($"-D {dataDirectory}", StringComparison.Ordinal))
        {
            return;
        }

        NativeMethods.Kill(pid, NativeMethods.SigInt);
        var deadline = DateTime.UtcNow + timeout;
        while (ProcessTable.IsAlive(pid) && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(100);
        }

        if (ProcessTable.IsAlive(pid))
        {
            NativeMethods.Kill(pid, NativeMethods.SigKill);
        }
    }
}
