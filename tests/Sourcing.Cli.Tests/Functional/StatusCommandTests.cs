using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;

namespace Sourcing.Cli.Tests.Functional;

public class StatusCommandTests(FakeSourcingServer server) : FakeServerTest(server)
{
    [Fact]
    public async Task Status_AllServing_PrintsTableAndReturnsZero()
    {
        var run = await CliRun.RunAsync([.. Server.AllServices(), "status"]);

        run.ExitCode.ShouldBe(0, run.Error);
        foreach (var service in new[] { "ingest", "analysis", "query" })
        {
            run.OutLines.ShouldContain(l => l.Contains(service) && l.Contains(Server.Address) && l.Contains("SERVING"));
        }
        run.Out.ShouldNotContain("unreachable");
    }

    [Fact]
    public async Task Status_OneServiceUnreachable_PrintsReasonAndReturnsOne()
    {
        var closed = $"http://127.0.0.1:{FreePort()}";

        var run = await CliRun.RunAsync(["--ingest-url", Server.Address, "--analysis-url", closed, "--query-url", Server.Address, "status"]);

        run.ExitCode.ShouldBe(1);
        run.OutLines.ShouldContain(l => l.Contains("analysis") && l.Contains(closed) && l.Contains("unreachable"));
        run.OutLines.ShouldContain(l => l.Contains("query") && l.Contains("SERVING"));
        run.Error.ShouldContain("is the AppHost running? (dotnet run --project AppHost)");
    }

    [Fact]
    public async Task Status_ServiceNotServing_ReturnsOne()
    {
        Server.Health.SetStatus("", HealthCheckResponse.Types.ServingStatus.NotServing);
        try
        {
            var run = await CliRun.RunAsync([.. Server.AllServices(), "status"]);

            run.ExitCode.ShouldBe(1);
            run.OutLines.Count(l => l.Contains("NOT_SERVING")).ShouldBe(3);
        }
        finally
        {
            Server.Health.SetStatus("", HealthCheckResponse.Types.ServingStatus.Serving);
        }
    }

    [Fact]
    public async Task Status_UrlsFromEnvironment_UsedWhenNoOptionsGiven()
    {
        var environment = new Dictionary<string, string>
        {
            ["SOURCING_INGEST_URL"] = Server.Address,
            ["SOURCING_ANALYSIS_URL"] = Server.Address,
            ["SOURCING_QUERY_URL"] = Server.Address,
        };

        var run = await CliRun.RunAsync(["status"], environment);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutLines.Count(l => l.Contains(Server.Address) && l.Contains("SERVING")).ShouldBe(3);
    }

    /// <summary>A loopback port nothing listens on: taken from the OS, then released.</summary>
    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
