using System.Text.Json;
using Sourcing.Attribution.Tests.Support;
using Xunit.Abstractions;

namespace Sourcing.Attribution.Tests.Functional;

/// <summary>Prints the scorer's figures and checks each against its floor.</summary>
internal static class ScoreAssertions
{
    public static void AssertAtLeast(JsonElement result, ITestOutputHelper output, params (string Metric, double Floor)[] floors)
    {
        output.WriteLine($"tp={result.GetProperty("tp")} fp={result.GetProperty("fp")} fn={result.GetProperty("fn")}");
        foreach (var (metric, _) in floors)
        {
            output.WriteLine($"{metric,-28} {SharedFolder.Value(result, metric):0.0000}");
        }
        foreach (var (metric, floor) in floors)
        {
            SharedFolder.Value(result, metric).ShouldBeGreaterThanOrEqualTo(floor, metric);
        }
    }
}
