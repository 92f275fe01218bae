using Sourcing.LocalPostgres;

namespace Sourcing.AppHost;

/// <summary>Refuses to start when a port the services need is taken, most likely by an AppHost already running.</summary>
public static class PortCheck
{
    public static void EnsureFree(IEnumerable<ServiceDefinition> services)
    {
        var taken = services
            .SelectMany(service => new[] { (Port: service.GrpcPort, What: $"{service.ResourceName} gRPC"), (Port: service.HealthPort, What: $"{service.ResourceName} health") })
            .Where(endpoint => FreePort.IsInUse(endpoint.Port))
            .Select(endpoint => $"{endpoint.Port} ({endpoint.What})")
            .ToList();
        if (taken.Count > 0)
        {
            throw new AppHostException(
                $"Port(s) already in use on 127.0.0.1: {string.Join(", ", taken)}. Another AppHost is probably running: " +
                "stop it first (Ctrl+C in its terminal), or choose other ports (--ingest-port, --analysis-port, --query-port, --*-health-port).");
        }
    }
}
