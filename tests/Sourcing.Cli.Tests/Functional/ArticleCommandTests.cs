using Google.Protobuf;
using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Tests.Functional;

public class ArticleCommandTests(FakeSourcingServer server) : FakeServerTest(server)
{
    [Fact]
    public async Task Article_KnownId_PrintsHeaderAndAttributionTable()
    {
        var run = await CliRun.RunAsync([.. Server.AllServices(), "article", FakeQueryService.ArticleId]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("Harbor talks stall");
        run.Out.ShouldContain("The Coastal Ledger");
        run.Out.ShouldContain("ANALYZED");
        run.Out.ShouldContain("2031-03-14 09:30 UTC");
        run.OutLines.ShouldContain(l => l.Contains("Mara Lindqvist") && l.Contains("named") && l.Contains("person")
            && l.Contains("direct") && l.Contains("We are not going back without a contract"));
        run.OutLines.ShouldContain(l => l.Contains("Two port officials") && l.Contains("anonymous") && l.Contains("group")
            && l.Contains("indirect") && l.Contains("because they were not authorized to discuss the talks"));
        // The long paraphrase is cut to fit the table.
        run.Out.ShouldContain("the authority would table a new offer");
        run.Out.ShouldContain("…");
        run.Error.ShouldBeEmpty();
    }

    [Fact]
    public async Task Article_JsonOption_PrintsTheResponseAsProtobufJson()
    {
        var run = await CliRun.RunAsync([.. Server.AllServices(), "article", FakeQueryService.ArticleId, "--json"]);

        run.ExitCode.ShouldBe(0, run.Error);
        var parsed = JsonParser.Default.Parse<GetArticleResponse>(run.Out);
        parsed.ShouldBe(FakeQueryService.Canned);
        run.Out.ShouldContain("\"anonymityReason\"");
    }

    [Fact]
    public async Task Article_NotYetAnalyzed_SaysSoInsteadOfAnEmptyTable()
    {
        var run = await CliRun.RunAsync([.. Server.AllServices(), "article", FakeQueryService.PendingArticleId]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.Out.ShouldContain("(unknown)");
        run.Out.ShouldContain("No attributions yet: the article is QUEUED");
        run.Out.ShouldNotContain("Speaker");
    }

    [Fact]
    public async Task Article_SlowService_DeadlineEndsTheCallWithAClearMessage()
    {
        var run = await CliRun.RunAsync([.. Server.AllServices(), "--timeout", "0.5", "article", FakeQueryService.SlowArticleId]);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"query at {Server.Address} did not answer within 0.5 s (use --timeout to wait longer)");
    }

    [Fact]
    public async Task Article_UnknownId_PrintsNotFoundAndReturnsOne()
    {
        var run = await CliRun.RunAsync([.. Server.AllServices(), "article", "no-such-article"]);

        run.ExitCode.ShouldBe(1);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("article 'no-such-article' not found");
    }

    [Fact]
    public async Task Article_QueryUnreachable_PrintsAppHostHintAndReturnsOne()
    {
        var closed = $"http://127.0.0.1:{StatusCommandTests.FreePort()}";

        var run = await CliRun.RunAsync(["--query-url", closed, "article", FakeQueryService.ArticleId]);

        run.ExitCode.ShouldBe(1);
        run.Error.ShouldContain($"cannot reach query at {closed}: is the AppHost running?");
    }
}
