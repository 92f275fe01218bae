using Sourcing.Ingest.Data;
using Sourcing.Testing;

namespace Sourcing.Ingest.Tests.Functional;

/// <summary>
/// Ingest on its own database with its dispatcher off, so that what a test ingests stays queued
/// and the test sees exactly what ingest stored.
/// </summary>
public sealed class IngestServiceFixture : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public ServiceHost Ingest { get; private set; } = null!;

    public string ConnectionString => _database.ConnectionString;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, ConnectionString);
        Ingest = await ServiceHost.StartAsync(IngestApp.Build, ConnectionString, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = $"http://127.0.0.1:{Sourcing.LocalPostgres.FreePort.Find()}",
            ["Outbox:Enabled"] = "false",
            ["Ingest:MaxBodyBytes"] = "10000",
        });
    }

    public async Task DisposeAsync()
    {
        await Ingest.DisposeAsync();
        await _database.DisposeAsync();
    }
}
