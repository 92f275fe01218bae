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

    /// <summary>The local server's persistent data folder.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>The services in dependency order, with their ports.</summary>
    public required IReadOnlyList<ServiceDefinition> Services { get; init; }
}
