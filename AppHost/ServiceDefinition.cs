namespace Sourcing.AppHost;

/// <summary>
/// One process of a Sourcing service: its service name (as in <c>services__NAME__http__0</c> and <c>OTEL_SERVICE_NAME</c>),
/// project and ports. With replicas, each replica is a definition of its own with the same name and a resource name
/// of its own (<c>ingest-1</c>, <c>ingest-2</c>).
/// </summary>
public sealed record ServiceDefinition(string Name, string ProjectName, int GrpcPort, int HealthPort)
{
    /// <summary>The name in the resource table, the log prefix and the log file: the service name unless it has replicas.</summary>
    public string ResourceName { get; init; } = Name;

    /// <summary>The h2c gRPC endpoint.</summary>
    public string GrpcUrl => $"http://127.0.0.1:{GrpcPort}";

    /// <summary>The HTTP/1.1 endpoint serving /health and /alive.</summary>
    public string HealthUrl => $"http://127.0.0.1:{HealthPort}";

    /// <summary>The project folder, the service's working directory so that its appsettings.json are found.</summary>
    public string ProjectDirectory(string repositoryRoot) => Path.Combine(repositoryRoot, "src", ProjectName);

    /// <summary>The built service, launched as <c>dotnet &lt;dll&gt;</c>.</summary>
    public string AssemblyPath(string repositoryRoot, string configuration) =>
        Path.Combine(ProjectDirectory(repositoryRoot), "bin", configuration, "net10.0", ProjectName + ".dll");
}
