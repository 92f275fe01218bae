using Npgsql;
using Sourcing.LocalPostgres.Processes;

namespace Sourcing.LocalPostgres;

/// <summary>
/// A PostgreSQL server started from the machine's binaries, listening on 127.0.0.1 only, with trust
/// authentication for user <c>postgres</c> (a local throwaway server: never expose it beyond loopback).
/// Runs as the <c>postgres</c> OS user when this process is root. Stopped on dispose, when this process exits,
/// and by the kernel if this process is killed.
/// </summary>
public sealed class LocalPostgresServer : IAsyncDisposable
{
    private const int PortAttempts = 3;

    private readonly ChildProcess _process;
    private readonly LocalPostgresOptions _options;
    private readonly bool _temporary;
    private readonly EventHandler _onProcessExit;
    private int _stopping;

    private LocalPostgresServer(ChildProcess process, LocalPostgresOptions options, string dataDirectory, int port, bool temporary)
    {
        _process = process;
        _options = options;
        _temporary = temporary;
        DataDirectory = dataDirectory;
        Port = port;
        ConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = "postgres",
            Database = "postgres",
        }.ConnectionString;
        _onProcessExit = (_, _) => Stop();
        AppDomain.CurrentDomain.ProcessExit += _onProcessExit;
    }

    /// <summary>The data folder the server runs on.</summary>
    public string DataDirectory { get; }

    /// <summary>The loopback port it listens on.</summary>
    public int Port { get; }

    /// <summary>The postmaster's process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>A connection string to database <c>postgres</c> as user <c>postgres</c>.</summary>
    public string ConnectionString { get; }

    /// <summary>True until the server stops, expectedly or not.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>Completes when the server process exits, with its exit code.</summary>
    public Task<int> Exited => _process.Exited;

    /// <summary>Initializes the data folder if needed and starts the server; returns once it accepts connections.</summary>
    public static async Task<LocalPostgresServer> StartAsync(LocalPostgresOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new LocalPostgresOptions();
        var binaries = options.BinDirectory is null ? PostgresBinaries.Locate() : new PostgresBinaries(options.BinDirectory);
        var temporary = options.DataDirectory is null;
        var dataDirectory = temporary ? TemporaryDataRoot.Create() : Path.GetFullPath(options.DataDirectory!);
        try
        {
            if (!temporary)
            {
                PostgresDataDirectory.StopStaleServer(dataDirectory, options.StopTimeout);
            }

            await PostgresDataDirectory.EnsureInitializedAsync(
                dataDirectory, binaries, options.Fsync, options.StartTimeout, options.Log, cancellationToken).ConfigureAwait(false);

            for (var attempt = 1; ; attempt++)
            {
                var port = options.Port != 0 ? options.Port : FreePort.Find();
                if (options.Port != 0 && FreePort.IsInUse(port))
                {
                    throw new InvalidOperationException($"Cannot start PostgreSQL on 127.0.0.1:{port}: the port is already in use.");
                }

                var process = ChildProcess.Start(ServerStartInfo(binaries, options, dataDirectory, port), ForwardLog(options));
                var server = new LocalPostgresServer(process, options, dataDirectory, port, temporary);
                try
                {
                    await server.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
                    return server;
                }
                catch (PortTakenException) when (options.Port == 0 && attempt < PortAttempts)
                {
                    // Another process took the free port between the probe and the bind: try another.
                    await server.StopServerAsync().ConfigureAwait(false);
                }
                catch
                {
                    await server.StopServerAsync().ConfigureAwait(false);
                    throw;
                }
            }
        }
        catch
        {
            if (temporary)
            {
                TemporaryDataRoot.Delete(dataDirectory);
            }

            throw;
        }
    }

    /// <summary>Creates database <paramref name="name"/> if missing and returns its connection string.</summary>
    public Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        PostgresDatabases.CreateIfMissingAsync(ConnectionString, name, cancellationToken);

    /// <summary>The connection string for database <paramref name="name"/> on this server.</summary>
    public string GetConnectionString(string name) => PostgresDatabases.WithDatabase(ConnectionString, name);

    /// <summary>Stops the server (fast shutdown, then kill after the stop timeout) and deletes a temporary data folder.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 1)
        {
            await _process.Exited.ConfigureAwait(false);
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= _onProcessExit;
        await StopServerAsync().ConfigureAwait(false);
        if (_temporary)
        {
            TemporaryDataRoot.Delete(DataDirectory);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void Stop() => StopAsync().GetAwaiter().GetResult();

    private async Task StopServerAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await _process.StopAsync(ProcessSignal.Interrupt, _options.StopTimeout).ConfigureAwait(false);
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.StartTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                var log = _process.TailText(30);
                if (log.Contains("could not bind", StringComparison.Ordinal) || log.Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new PortTakenException();
                }

                throw new InvalidOperationException(
                    $"PostgreSQL exited during start-up with code {_process.Exited.Result} (data folder {DataDirectory}). Last log lines:{Environment.NewLine}{log}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(timeout.Token).ConfigureAwait(false);
                if (await IsOurServerAsync(connection, timeout.Token).ConfigureAwait(false))
                {
                    return;
                }

                // Another server answers on this port (it took the port first); ours will fail to bind and exit.
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException && !timeout.IsCancellationRequested)
            {
                await Task.Delay(100, CancellationToken.None).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"PostgreSQL did not accept connections on 127.0.0.1:{Port} within {_options.StartTimeout.TotalSeconds:0} s. Last log lines:{Environment.NewLine}{_process.TailText(30)}");
            }
        }
    }

    // A backend is forked by the postmaster, so its parent tells whose server accepted the connection.
    private async Task<bool> IsOurServerAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return ProcessTable.ParentOf(backend) == _process.Id;
    }

    private static ChildProcessStartInfo ServerStartInfo(PostgresBinaries binaries, LocalPostgresOptions options, string dataDirectory, int port)
    {
        // No Unix socket (empty -k): clients use TCP on loopback, and no socket file is left behind.
        List<string> arguments = ["-D", dataDirectory, "-p", port.ToString(), "-k", "", "-c", "listen_addresses=127.0.0.1"];
        var settings = new Dictionary<string, string>(options.Settings);
        if (!options.Fsync)
        {
            settings.TryAdd("fsync", "off");
            settings.TryAdd("synchronous_commit", "off");
            settings.TryAdd("full_page_writes", "off");
        }

        foreach (var (name, value) in settings)
        {
            arguments.AddRange(["-c", $"{name}={value}"]);
        }

        return new ChildProcessStartInfo
        {
            FileName = binaries.Postgres,
            Arguments = arguments,
            RunAsUserWhenRoot = PostgresDataDirectory.ServerOsUser,
        };
    }

    private static Action<OutputLine>? ForwardLog(LocalPostgresOptions options) =>
        options.Log is { } log ? line => log(line.Text) : null;

    private sealed class PortTakenException : Exception;
}
