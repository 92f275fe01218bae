using System.Globalization;
using Sourcing.LocalPostgres;

namespace Sourcing.AppHost;

/// <summary>
/// <c>--replicas NAME=N</c>: how many processes of each service to run. The first replica keeps the service's given
/// ports (so that the CLI's defaults still reach it); the others get free ports. Replicas are named <c>NAME-1</c> ...
/// </summary>
public static class ServiceReplicas
{
    public const int MaxReplicas = 8;

    /// <summary>Parses the option's values; throws <see cref="AppHostException"/> naming what is wrong.</summary>
    public static IReadOnlyDictionary<string, int> Parse(IEnumerable<string> values, IReadOnlyCollection<string> serviceNames)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !serviceNames.Contains(parts[0]))
            {
                throw new AppHostException($"--replicas takes NAME=N with NAME one of {string.Join(", ", serviceNames)}; got '{value}'.");
            }

            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxReplicas)
            {
                throw new AppHostException($"--replicas {parts[0]}=N takes N from 1 to {MaxReplicas}; got '{parts[1]}'.");
            }

            counts[parts[0]] = count;
        }

        return counts;
    }

    /// <summary>Each service as many times as asked, in the given (dependency) order, no two on one port.</summary>
    public static IReadOnlyList<ServiceDefinition> Expand(IReadOnlyList<ServiceDefinition> services, IReadOnlyDictionary<string, int> counts)
    {
        var taken = services.SelectMany(s => new[] { s.GrpcPort, s.HealthPort }).ToHashSet();
        var result = new List<ServiceDefinition>();
        foreach (var service in services)
        {
            var count = counts.GetValueOrDefault(service.Name, 1);
            if (count == 1)
            {
                result.Add(service);
                continue;
            }

            result.Add(service with { ResourceName = $"{service.Name}-1" });
            for (var i = 2; i <= count; i++)
            {
                result.Add(service with { ResourceName = $"{service.Name}-{i}", GrpcPort = FreePortNotIn(taken), HealthPort = FreePortNotIn(taken) });
            }
        }

        return result;
    }

    private static int FreePortNotIn(HashSet<int> taken)
    {
        int port;
        do
        {
            port = FreePort.Find();
        }
        while (!taken.Add(port));

        return port;
    }
}
