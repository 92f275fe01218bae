using Npgsql;
using Sourcing.LocalPostgres.Processes;

namespace Sourcing.LocalPostgres.Tests.Functional;

public sealed class LocalPostgresServerTests
{
    private static readonly LocalPostgresOptions TestOptions = new() { Fsync = false };
    // Generous: it catches hangs, not slowness, and CI machines are shared.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task StartAsync_TemporaryFolder_RunsSqlAndLeavesNothingBehindOnDispose()
    {
        // Arrange
        var server = await LocalPostgresServer.StartAsync(TestOptions).WaitAsync(Timeout);
        var dataDirectory = server.DataDirectory;
        var postmaster = server.ProcessId;

        // Act
        var connectionString = await server.CreateDatabaseAsync("things").WaitAsync(Timeout);
        var count = await ExecuteScalarAsync(connectionString,
            "CREATE TABLE thing (id int PRIMARY KEY); INSERT INTO thing VALUES (1), (2); SELECT count(*) FROM thing;");
        await server.DisposeAsync().AsTask().WaitAsync(Timeout);

        // Assert
        count.ShouldBe(2L);
        connectionString.ShouldBe($"Host=127.0.0.1;Port={server.Port};Username=postgres;Database=things");
        ProcessTable.IsAlive(postmaster).ShouldBeFalse();
        ProcessTable.FindByCommandLine(dataDirectory).ShouldBeEmpty();
        Directory.Exists(dataDirectory).ShouldBeFalse();
    }

    [Fact]
    public async Task CreateDatabaseAsync_CalledTwice_IsIdempotent()
    {
        // Arrange
        await using var server = await LocalPostgresServer.StartAsync(TestOptions).WaitAsync(Timeout);

        // Act
        var first = await server.CreateDatabaseAsync("twice").WaitAsync(Timeout);
        var second = await server.CreateDatabaseAsync("twice").WaitAsync(Timeout);

        // Assert
        second.ShouldBe(first);
        (await ExecuteScalarAsync(server.ConnectionString, "SELECT count(*) FROM pg_database WHERE datname = 'twice'")).ShouldBe(1L);
    }

    [Fact]
    public async Task StartAsync_PersistentFolder_KeepsDataAcrossRestarts()
    {
        // Arrange
        var parent = Directory.CreateTempSubdirectory("pg-persistent-");
        parent.UnixFileMode |= UnixFileMode.OtherExecute;
        var options = TestOptions with { DataDirectory = Path.Combine(parent.FullName, "postgres") };
        try
        {
            await using (var first = await LocalPostgresServer.StartAsync(options).WaitAsync(Timeout))
            {
                var connectionString = await first.CreateDatabaseAsync("kept").WaitAsync(Timeout);
                await ExecuteScalarAsync(connectionString, "CREATE TABLE kept (id int); INSERT INTO kept VALUES (7); SELECT 1;");
            }

            // Act
            await using var second = await LocalPostgresServer.StartAsync(options).WaitAsync(Timeout);
            var value = await ExecuteScalarAsync(second.GetConnectionString("kept"), "SELECT id FROM kept");

            // Assert
            value.ShouldBe(7);
            Directory.Exists(options.DataDirectory).ShouldBeTrue();
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StartAsync_PortInUse_ThrowsNamingThePort()
    {
        // Arrange
        await using var running = await LocalPostgresServer.StartAsync(TestOptions).WaitAsync(Timeout);

        // Act
        var exception = await Should.ThrowAsync<InvalidOperationException>(
            () => LocalPostgresServer.StartAsync(TestOptions with { Port = running.Port }).WaitAsync(Timeout));

        // Assert
        exception.Message.ShouldContain($"127.0.0.1:{running.Port}");
    }

    [Fact]
    public async Task StartAsync_AsRoot_ServerRunsAsPostgresUser()
    {
        // Arrange
        await using var server = await LocalPostgresServer.StartAsync(TestOptions).WaitAsync(Timeout);

        // Act
        var uidLine = File.ReadLines($"/proc/{server.ProcessId}/status").First(line => line.StartsWith("Uid:", StringComparison.Ordinal));
        var uid = uint.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);

        // Assert
        var expected = CurrentUser.IsRoot ? OsUser.Find("postgres")!.UserId : uint.Parse(File.ReadLines("/proc/self/status").First(line => line.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t', StringSplitOptions.RemoveEmptyEntries)[1]);
        uid.ShouldBe(expected);
    }

    private static async Task<object?> ExecuteScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
