using Sourcing.Analysis;
using Sourcing.Ingest;
using Sourcing.Query;
using Sourcing.Testing;

namespace Sourcing.EndToEnd.Tests;

/// <summary>
/// The whole system as the AppHost runs it: one database migrated by each service's migration
/// step, then analysis, ingest (pointed at analysis by service discovery) and query on real Kestrel.
/// </summary>
public sealed class SourcingSystem : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public ServiceHost Analysis { get; private set; } = null!;
    public ServiceHost Ingest { get; private set; } = null!;
    public ServiceHost Query { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        var connection = _database.ConnectionString;
        await SourcingSchemas.MigrateAllAsync(connection);
        Analysis = await ServiceHost.StartAsync(AnalysisApp.Build, connection);
        Ingest = await ServiceHost.StartAsync(IngestApp.Build, connection, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = Analysis.GrpcAddress.ToString(),
        });
        Query = await ServiceHost.StartAsync(QueryApp.Build, connection);
    }

    public async Task DisposeAsync()
    {
        await Query.DisposeAsync();
        await Ingest.DisposeAsync();
        await Analysis.DisposeAsync();
        await _database.DisposeAsync();
    }
}
