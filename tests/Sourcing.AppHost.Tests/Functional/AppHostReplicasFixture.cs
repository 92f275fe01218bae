using Sourcing.AppHost.Tests.Support;
using Sourcing.LocalPostgres;

namespace Sourcing.AppHost.Tests.Functional;

/// <summary>One AppHost for the replica and Prometheus tests: <c>--replicas ingest=2</c>, with a (fake) prometheus on its PATH.</summary>
public sealed class AppHostReplicasFixture : IAsyncLifetime
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    internal FakePrometheus Prometheus { get; } = new();

    internal AppHostProcess AppHost { get; private set; } = null!;

    public int PrometheusPort { get; } = FreePort.Find();

    public async Task InitializeAsync()
    {
        AppHost = AppHostProcess.Start(
            arguments: ["--replicas", "ingest=2", "--prometheus-port", PrometheusPort.ToString()],
            environment: new Dictionary<string, string?> { ["PATH"] = Prometheus.SearchPath });
        await AppHost.WaitHealthyAsync(StartTimeout);
    }

    public async Task DisposeAsync()
    {
        await AppHost.DisposeAsync();
        Prometheus.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AppHostReplicasCollection : ICollectionFixture<AppHostReplicasFixture>
{
    public const string Name = "AppHost with two ingest replicas";
}
