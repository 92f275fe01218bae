namespace Sourcing.Cli.Tests.Unit;

public class CommandLineTests
{
    [Fact]
    public async Task Status_BadUrlInEnvironment_UsageErrorWithExitCode2()
    {
        var environment = new Dictionary<string, string> { ["SOURCING_QUERY_URL"] = "localhost:7103" };

        var run = await CliRun.RunAsync(["status"], environment);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--query-url must be an absolute http:// or https:// URL, not 'localhost:7103'");
    }

    [Fact]
    public async Task Ingest_UrlWithTwoFiles_UsageErrorWithExitCode2()
    {
        var run = await CliRun.RunAsync(["ingest", "a.txt", "b.txt", "--url", "https://example.org/a"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("--url can only be used with a single file");
    }

    [Theory]
    [InlineData("--published", "yesterday-ish", "--published must be a date")]
    [InlineData("--timeout", "soon", "--timeout must be a number of seconds")]
    [InlineData("--timeout", "-5", "--timeout must be a number of seconds between")]
    public async Task Ingest_BadOptionValue_UsageErrorWithExitCode2(string option, string value, string message)
    {
        var run = await CliRun.RunAsync(["ingest", "a.txt", option, value]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain(message);
    }

    [Fact]
    public async Task Root_UnknownCommand_UsageErrorWithExitCode2()
    {
        var run = await CliRun.RunAsync(["publish"]);

        run.ExitCode.ShouldBe(2);
        run.Error.ShouldContain("publish");
    }

    [Fact]
    public async Task Help_ListsEveryCommand()
    {
        var run = await CliRun.RunAsync(["--help"]);

        run.ExitCode.ShouldBe(0);
        foreach (var command in new[] { "status", "ingest", "article", "analyze", "--ingest-url", "SOURCING_QUERY_URL" })
        {
            run.Out.ShouldContain(command);
        }
    }
}
