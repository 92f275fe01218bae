namespace Sourcing.Cli.Tests.Functional;

public class ApiKeyOptionTests(FakeSourcingServer server) : FakeServerTest(server)
{
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task Ingest_ApiKeyOption_SentAsBearer()
    {
        var file = _files.Write("keyed.txt", "Keyed Ferry\n\nThe ferry runs, the captain said.\n");

        var run = await CliRun.RunAsync([.. Server.AllServices(), "--api-key", "sourcing_option", "ingest", file]);

        run.ExitCode.ShouldBe(0, run.Error);
        Server.Authorizations["Keyed Ferry"].ShouldBe("Bearer sourcing_option");
    }

    [Fact]
    public async Task Ingest_ApiKeyEnvironment_SentAsBearer()
    {
        var file = _files.Write("env.txt", "Env Ferry\n\nThe ferry runs, the captain said.\n");

        var run = await CliRun.RunAsync([.. Server.AllServices(), "ingest", file],
            new Dictionary<string, string> { ["SOURCING_API_KEY"] = "sourcing_environment" });

        run.ExitCode.ShouldBe(0, run.Error);
        Server.Authorizations["Env Ferry"].ShouldBe("Bearer sourcing_environment");
    }

    [Fact]
    public async Task Ingest_NoKey_SendsNoAuthorization()
    {
        var file = _files.Write("open.txt", "Open Ferry\n\nThe ferry runs, the captain said.\n");

        var run = await CliRun.RunAsync([.. Server.AllServices(), "ingest", file]);

        run.ExitCode.ShouldBe(0, run.Error);
        Server.Authorizations["Open Ferry"].ShouldBeNull();
    }

    [Fact]
    public async Task Status_CaFileMissing_UsageError()
    {
        var run = await CliRun.RunAsync([.. Server.AllServices(), "--ca-file", "/nonexistent/ca.pem", "status"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--ca-file '/nonexistent/ca.pem' does not exist.");
    }

    public override void Dispose()
    {
        _files.Dispose();
        base.Dispose();
    }
}
