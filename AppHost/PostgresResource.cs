using Npgsql;
using Sourcing.LocalPostgres;

namespace Sourcing.AppHost;

/// <summary>
/// PostgreSQL for the services: the server named by <c>ConnectionStrings__sourcing</c> if set, else a local server on
/// the persistent data folder (fsync on). Either way the database <c>sourcing</c> is created if missing.
/// </summary>
public sealed class PostgresResource(AppHostOptions options, ResourceBoard board, ConsoleLog log) : IAsyncDisposable
{
    public const string DatabaseName = "sourcing";
    public const string Name = "postgres";

    private LocalPostgresServer? _server;
    private Resource? _resource;
    private volatile bool _stopping;

    /// <summary>The connection string the services get.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>Completes if a local server exits while nobody asked it to.</summary>
    public Task UnexpectedExit { get; private set; } = new TaskCompletionSource().Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.ConnectionString is { } given)
        {
            var builder = new NpgsqlConnectionStringBuilder(given);
            _resource = board.Add(Name, "PostgreSQL (existing)", $"{builder.Host}:{builder.Port}/{builder.Database}");
            ConnectionString = given;
            await CreateDatabaseIfAllowedAsync(given, builder.Database ?? DatabaseName, cancellationToken);
            board.Set(_resource, ResourceState.Running, "from ConnectionStrings__sourcing");
            return;
        }

        _resource = board.Add(Name, "PostgreSQL (local)", "-");
        board.Set(_resource, ResourceState.Starting, options.DataDirectory);
        try
        {
            _server = await LocalPostgresServer.StartAsync(
                new LocalPostgresOptions { DataDirectory = options.DataDirectory, Log = line => log.Line(Name, line) },
                cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            board.Set(_resource, ResourceState.Failed);
            throw new AppHostException(exception.Message);
        }

        ConnectionString = await _server.CreateDatabaseAsync(DatabaseName, cancellationToken);
        _resource.Endpoint = $"127.0.0.1:{_server.Port}/{DatabaseName}";
        _resource.ProcessId = _server.ProcessId;
        board.Set(_resource, ResourceState.Healthy, ConnectionString);
        UnexpectedExit = WatchAsync(_server);
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_server is null || _resource is null)
        {
            return;
        }

        board.Set(_resource, ResourceState.Stopping);
        await _server.DisposeAsync();
        board.Set(_resource, ResourceState.Stopped);
    }

    private async Task CreateDatabaseIfAllowedAsync(string connectionString, string database, CancellationToken cancellationToken)
    {
        try
        {
            await PostgresDatabases.CreateIfMissingAsync(connectionString, database, cancellationToken);
        }
        catch (PostgresException exception)
        {
            // A server we were given may not let us create databases; then the database must exist already.
            log.Info($"Could not ensure database '{database}' exists ({exception.MessageText}); using it as given.");
        }
        catch (NpgsqlException exception)
        {
            throw new AppHostException($"Cannot reach the PostgreSQL server in {AppHostCommand.ConnectionStringVariable}: {exception.Message}");
        }
    }

    private async Task WatchAsync(LocalPostgresServer server)
    {
        var exitCode = await server.Exited;
        if (_stopping)
        {
            await Task.Delay(Timeout.Infinite);
        }

        board.Set(_resource!, ResourceState.Failed, $"exited with code {exitCode}");
    }
}
