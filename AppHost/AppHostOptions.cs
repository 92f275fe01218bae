namespace Sourcing.AppHost;

/// <summary>What the AppHost was asked to run, after defaults are applied.</summary>
public sealed record AppHostOptions
{
    /// <summary>The folder holding Microservices.sln.</summary>
    public required string RepositoryRoot { get; init; }

    /// <summary>The build configuration the services were built in (the AppHost's own).</summary>
    public required string Configuration { get; init; }

    /// <summary>An existing server's connection string (from <c>ConnectionStrings__sourcing</c>), or null for a local one.</summary>
    public string? ConnectionString { get; init; }

    /// <summary>Whether to ingest samples/*.txt once everything is healthy.</summary>
    public bool Seed { get; init; }

    /// <summary>The local server's persistent data folder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The port of the AppHost's OTLP/gRPC receiver (Aspire's 18889).</summary>
    public int OtlpPort { get; init; } = 18889;

    /// <summary>The port of the dashboard page (Aspire's 18888).</summary>
    public int DashboardPort { get; init; } = 18888;

    /// <summary>Prometheus's web port, where <c>prometheus</c> is on PATH.</summary>
    public int PrometheusPort { get; init; } = 9090;

    /// <summary>The OTLP endpoint the services export to, unless the user set their own.</summary>
    public string OtlpEndpoint => $"http://127.0.0.1:{OtlpPort}";

    /// <summary>The dashboard's address.</summary>
    public string DashboardUrl => $"http://127.0.0.1:{DashboardPort}";

    /// <summary>Where each resource's log file goes: <c>&lt;data folder&gt;/../logs</c>.</summary>
    public string LogDirectory => BesideDataDirectory("logs");

    /// <summary>Prometheus's configuration and data, where it runs: <c>&lt;data folder&gt;/../prometheus</c>.</summary>
    public string PrometheusDirectory => BesideDataDirectory("prometheus");

    /// <summary>The service processes in dependency order (a service's replicas one after another), with their ports.</summary>
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }

    private string BesideDataDirectory(string folder) => Path.Combine(Path.GetDirectoryName(DataDirectory.TrimEnd('/'))!, folder);
}
