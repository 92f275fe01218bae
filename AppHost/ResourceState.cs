namespace Sourcing.AppHost;

/// <summary>Where a resource is in its life, as the AppHost shows it.</summary>
public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Healthy,
    Finished,
    Restarting,
    Stopping,
    Stopped,
    Failed,
}
