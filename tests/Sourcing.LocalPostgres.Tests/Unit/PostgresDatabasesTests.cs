namespace Sourcing.LocalPostgres.Tests.Unit;

public sealed class PostgresDatabasesTests
{
    [Fact]
    public void WithDatabase_ServerConnectionString_ReplacesOnlyTheDatabase()
    {
        // Act
        var result = PostgresDatabases.WithDatabase("Host=127.0.0.1;Port=5999;Username=postgres;Database=postgres", "sourcing");

        // Assert
        result.ShouldBe("Host=127.0.0.1;Port=5999;Username=postgres;Database=sourcing");
    }
}
