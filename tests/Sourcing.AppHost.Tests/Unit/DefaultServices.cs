namespace Sourcing.AppHost.Tests.Unit;

/// <summary>The three services on their default ports, in dependency order, as the command line gives them.</summary>
internal static class DefaultServices
{
    public static readonly ServiceDefinition[] All =
    [
        new("analysis", "Sourcing.Analysis", 7102, 7112),
        new("ingest", "Sourcing.Ingest", 7101, 7111),
        new("query", "Sourcing.Query", 7103, 7113),
    ];
}
