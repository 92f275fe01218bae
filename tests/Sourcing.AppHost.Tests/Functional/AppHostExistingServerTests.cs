using Npgsql;
using Sourcing.LocalPostgres;
using Sourcing.LocalPostgres.Processes;
using Sourcing.Testing;

namespace Sourcing.AppHost.Tests.Functional;

public sealed class AppHostExistingServerTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_ConnectionStringGiven_MigratesThatDatabaseAndLeavesTheServerRunning()
    {
        // Arrange
        await using var appHost = AppHostProcess.Start(connectionString: database.ConnectionString);
        await appHost.WaitHealthyAsync(StartTimeout);

        // Act
        appHost.Signal(ProcessSignal.Interrupt);
        var exitCode = await appHost.Exited.WaitAsync(StopTimeout);

        // Assert
        exitCode.ShouldBe(0, appHost.Output);
        appHost.Output.ShouldContain("PostgreSQL (existing)");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync().WaitAsync(StopTimeout);
        await using var command = new NpgsqlCommand(
            "SELECT count(*) FROM information_schema.schemata WHERE schema_name IN ('ingest', 'analysis', 'query')", connection);
        (await command.ExecuteScalarAsync()).ShouldBe(3L);
    }

    [Fact]
    public async Task Run_ConnectionStringToNoServer_ExitsNonZeroSayingSo()
    {
        // Arrange
        var nowhere = $"Host=127.0.0.1;Port={FreePort.Find()};Username=postgres;Database=sourcing;Timeout=3";

        // Act
        await using var appHost = AppHostProcess.Start(connectionString: nowhere);
        var exitCode = await appHost.Exited.WaitAsync(StopTimeout);

        // Assert
        exitCode.ShouldBe(1, appHost.Output);
        appHost.Output.ShouldContain("Cannot reach the PostgreSQL server");
    }
}
