using Xunit;

namespace Sourcing.Testing;

/// <summary>
/// A fresh, empty database for one test class on the test process's <see cref="PostgresServer"/>:
/// <c>public sealed class MyTests(PostgresDatabaseFixture database) : IClassFixture&lt;PostgresDatabaseFixture&gt;</c>.
/// </summary>
public sealed class PostgresDatabaseFixture : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The database's name (<c>test_&lt;guid&gt;</c>).</summary>
    public string DatabaseName { get; } = PostgresServer.NewDatabaseName();

    /// <summary>A connection string to the class's own database.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        ConnectionString = await PostgresServer.CreateDatabaseAsync(DatabaseName).WaitAsync(Timeout).ConfigureAwait(false);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        // A local server is thrown away whole at process exit; only a server we were given is tidied up.
        if (PostgresServer.IsExternal)
        {
            await PostgresServer.DropDatabaseAsync(DatabaseName).WaitAsync(Timeout).ConfigureAwait(false);
        }
    }
}
