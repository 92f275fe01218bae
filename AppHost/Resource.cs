namespace Sourcing.AppHost;

/// <summary>Something the AppHost runs: PostgreSQL, a migration step or a service.</summary>
public sealed class Resource(string name, string type, string endpoint, string health)
{
    public string Name { get; } = name;

    public string Type { get; } = type;

    public string Endpoint { get; set; } = endpoint;

    public string Health { get; set; } = health;

    public ResourceState State { get; set; } = ResourceState.Waiting;

    public int? ProcessId { get; set; }

    /// <summary>How often the AppHost restarted it after an unexpected exit.</summary>
    public int Restarts { get; set; }

    /// <summary>The <c>service.instance.id</c> of the running process, which its telemetry carries; null for non-services.</summary>
    public string? InstanceId { get; set; }
}
