using Sourcing.LocalPostgres;

namespace Sourcing.Testing;

/// <summary>
/// The PostgreSQL server of this test process: started on first use from the machine's binaries (a temporary
/// data folder, fsync off, a free loopback port) and stopped when the process exits. If
/// <c>ConnectionStrings__sourcing</c> is set, that server is used instead and nothing is started.
/// </summary>
public static class PostgresServer
{
    /// <summary>The variable that points the tests at an existing server (Aspire's naming).</summary>
    public const string ConnectionStringVariable = "ConnectionStrings__sourcing";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);

    private static readonly Lazy<Task<string>> ServerConnectionString = new(StartOrUseExistingAsync);

    /// <summary>True when the tests run against a server given by <c>ConnectionStrings__sourcing</c>.</summary>
    public static bool IsExternal => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(ConnectionStringVariable));

    /// <summary>A connection string to the server's <c>postgres</c> database, starting the server if needed.</summary>
    public static Task<string> GetConnectionStringAsync() => ServerConnectionString.Value;

    /// <summary>Creates database <paramref name="name"/> if missing and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var server = await GetConnectionStringAsync().WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        return await PostgresDatabases.CreateIfMissingAsync(server, name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates a database with a new unique name (<c>test_&lt;guid&gt;</c>) and returns its connection string.</summary>
    public static Task<string> CreateUniqueDatabaseAsync(CancellationToken cancellationToken = default) =>
        CreateDatabaseAsync(NewDatabaseName(), cancellationToken);

    /// <summary>A database name no other test uses.</summary>
    public static string NewDatabaseName() => "test_" + Guid.NewGuid().ToString("N");

    /// <summary>Drops database <paramref name="name"/>, closing its connections.</summary>
    public static async Task DropDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        var server = await GetConnectionStringAsync().ConfigureAwait(false);
        await PostgresDatabases.DropIfExistsAsync(server, name, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<string> StartOrUseExistingAsync()
    {
        if (IsExternal)
        {
            return PostgresDatabases.WithDatabase(Environment.GetEnvironmentVariable(ConnectionStringVariable)!, "postgres");
        }

        // Never disposed on purpose: the server lives as long as the test process, and LocalPostgresServer
        // stops it (and deletes its folder) at process exit, or the kernel kills it if the process is killed.
        var server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions
        {
            Fsync = false,
            StartTimeout = StartTimeout,
            Settings = new Dictionary<string, string> { ["max_connections"] = "300" },
        }).ConfigureAwait(false);
        return server.ConnectionString;
    }
}
