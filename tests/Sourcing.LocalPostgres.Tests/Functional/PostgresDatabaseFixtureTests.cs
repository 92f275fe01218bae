using Npgsql;
using Sourcing.Testing;

namespace Sourcing.LocalPostgres.Tests.Functional;

public sealed class PostgresDatabaseFixtureTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task ConnectionString_NewFixture_PointsAtItsOwnEmptyDatabase()
    {
        // Act
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await using var command = new NpgsqlCommand(
            "SELECT current_database(), (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        // Assert
        reader.GetString(0).ShouldBe(database.DatabaseName);
        reader.GetInt64(1).ShouldBe(0);
    }

    [Fact]
    public async Task CreateUniqueDatabaseAsync_TwoCalls_GiveTwoDatabasesOnTheSameServer()
    {
        // Act
        var first = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateUniqueDatabaseAsync());
        var second = new NpgsqlConnectionStringBuilder(await PostgresServer.CreateUniqueDatabaseAsync());

        // Assert
        first.Database.ShouldNotBe(second.Database);
        first.Port.ShouldBe(second.Port);
        first.Port.ShouldBe(new NpgsqlConnectionStringBuilder(database.ConnectionString).Port);
    }
}
