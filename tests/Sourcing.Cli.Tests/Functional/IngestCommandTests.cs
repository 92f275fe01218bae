using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Tests.Functional;

public class IngestCommandTests(FakeSourcingServer server) : FakeServerTest(server)
{
    private readonly TempDirectory _files = new();

    [Fact]
    public async Task Ingest_TwoFiles_SendsTitleBodyAndOptionsAndPrintsIds()
    {
        var first = _files.Write("first.txt", "Ferry Strike Ends\n\n\"We are back at work,\" the pilots said.\n");
        var second = _files.Write("second.txt", "Bridge Reopens\nThe bridge reopened on Monday.\n");

        var run = await CliRun.RunAsync([.. Server.AllServices(), "ingest", first, second,
            "--outlet", "The Coastal Ledger", "--published", "2031-03-14T09:30:00Z"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutLines.ShouldContain(l => l.Contains("first.txt") && l.Contains("art-ferry-strike-ends") && l.Contains("CREATED") && l.Contains("QUEUED"));
        run.OutLines.ShouldContain(l => l.Contains("second.txt") && l.Contains("art-bridge-reopens") && l.Contains("CREATED"));
        var sent = Server.Ingested.Single(r => r.Title == "Ferry Strike Ends");
        sent.Body.ShouldBe("\"We are back at work,\" the pilots said.\n");
        sent.ContentType.ShouldBe(ContentType.Text);
        sent.Outlet.ShouldBe("The Coastal Ledger");
        sent.PublishTime.ToDateTimeOffset().ShouldBe(new DateTimeOffset(2031, 3, 14, 9, 30, 0, TimeSpan.Zero));
        sent.RequestId.ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task Ingest_SameFileTwice_SecondIsDuplicate()
    {
        var file = _files.Write("again.txt", "Dam Inspection Delayed\n\nInspectors said the work would wait.\n");

        await CliRun.RunAsync([.. Server.AllServices(), "ingest", file]);
        var run = await CliRun.RunAsync([.. Server.AllServices(), "ingest", file, "--url", "https://ledger.example/dam"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutLines.ShouldContain(l => l.Contains("art-dam-inspection-delayed") && l.Contains("DUPLICATE"));
        Server.Ingested.Last(r => r.Title == "Dam Inspection Delayed").Url.ShouldBe("https://ledger.example/dam");
    }

    [Fact]
    public async Task Ingest_EmptyBodyAndMissingFile_PrintsViolationsContinuesAndReturnsOne()
    {
        var empty = _files.Write("empty.txt", "Just A Title\n");
        var missing = Path.Combine(_files.Path, "missing.txt");
        var good = _files.Write("good.txt", "Vaccine Trial Expands\n\nThe trial will enroll more volunteers, researchers said.\n");

        var run = await CliRun.RunAsync([.. Server.AllServices(), "ingest", empty, missing, good]);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"error: {empty}: ingest answered INVALID_ARGUMENT: The article is invalid.");
        run.Error.ShouldContain("  body: The body must not be empty.");
        run.Error.ShouldContain("reason: EMPTY_BODY");
        run.Error.ShouldContain($"error: {missing}: file not found");
        run.Error.ShouldContain("2 of 3 files failed.");
        run.OutLines.ShouldContain(l => l.Contains("empty.txt") && l.Contains("FAILED") && l.Contains("INVALID_ARGUMENT"));
        run.OutLines.ShouldContain(l => l.Contains("good.txt") && l.Contains("art-vaccine-trial-expands") && l.Contains("CREATED"));
    }

    [Fact]
    public async Task Ingest_ServiceUnreachable_PrintsAppHostHintAndReturnsOne()
    {
        var file = _files.Write("lonely.txt", "Nobody Listens\n\nThe port is closed, officials said.\n");
        var closed = $"http://127.0.0.1:{StatusCommandTests.FreePort()}";

        var run = await CliRun.RunAsync(["--ingest-url", closed, "ingest", file]);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"cannot reach ingest at {closed}: is the AppHost running? (dotnet run --project AppHost)");
    }

    public override void Dispose()
    {
        _files.Dispose();
        base.Dispose();
    }
}
