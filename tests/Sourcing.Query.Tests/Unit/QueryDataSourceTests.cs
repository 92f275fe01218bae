using Npgsql;
using Sourcing.Query.Data;

namespace Sourcing.Query.Tests.Unit;

public sealed class QueryDataSourceTests
{
    [Fact]
    public async Task Create_NoPoolSizeGiven_PoolBoundedByProcessors()
    {
        await using var source = QueryDataSource.Create("Host=127.0.0.1;Username=reader");

        var settings = new NpgsqlConnectionStringBuilder(source.ConnectionString);

        settings.MaxPoolSize.ShouldBe(Math.Max(4, 2 * Environment.ProcessorCount));
        settings.MaxAutoPrepare.ShouldBe(QueryDataSource.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=127.0.0.1;Username=reader;MaxPoolSize=50", 50)]
    [InlineData("Host=127.0.0.1;Username=reader;Maximum Pool Size=7", 7)]
    [InlineData("Host=127.0.0.1;Username=reader;Minimum Pool Size=40", 40)]
    public async Task Create_PoolSizesGiven_KeptOrRaisedToTheMinimum(string connectionString, int expected)
    {
        await using var source = QueryDataSource.Create(connectionString);

        new NpgsqlConnectionStringBuilder(source.ConnectionString).MaxPoolSize.ShouldBe(expected);
    }
}
