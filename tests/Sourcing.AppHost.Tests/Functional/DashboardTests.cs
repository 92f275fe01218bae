using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using Sourcing.AppHost.Tests.Support;
using Sourcing.Contracts.V1;
using Sourcing.Testing;
using Xunit.Abstractions;

namespace Sourcing.AppHost.Tests.Functional;

/// <summary>The dashboard as a developer sees it: in a real (headless) browser, fed by the services through the AppHost.</summary>
public sealed class DashboardTests(ITestOutputHelper output)
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Dashboard_ArticleIngestedThroughTheAppHost_ShowsItsTraceAcrossServices()
    {
        // Arrange
        await using var appHost = AppHostProcess.Start();
        await appHost.WaitHealthyAsync(StartTimeout);
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{appHost.GrpcPorts[0]}");
        var client = new IngestService.IngestServiceClient(channel);
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Samples, "harbor-strike.txt"));
        var traceId = ActivityTraceId.CreateRandom().ToHexString();

        // Act: the call starts a trace of our own, so that the test knows which one to look for.
        var created = await client.IngestArticleAsync(
            new IngestArticleRequest { Title = lines[0], Body = string.Join('\n', lines.Skip(1)), ContentType = ContentType.Text },
            new Metadata { { "traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom().ToHexString()}-01" } },
            deadline: DateTime.UtcNow + Timeout);
        var page = await Eventually.Until(
            () => HeadlessChromium.DumpDomAsync($"{appHost.DashboardUrl}/?trace={traceId}", Timeout),
            dom => dom.Contains("AnalyzeArticle", StringComparison.Ordinal) && dom.Contains("outbox dispatch", StringComparison.Ordinal),
            Timeout, "the trace on the dashboard");
        var home = await Eventually.Until(
            () => HeadlessChromium.DumpDomAsync(appHost.DashboardUrl + "/", Timeout),
            dom => dom.Contains("sourcing.ingest.articles", StringComparison.Ordinal), Timeout, "the ingest metric on the dashboard");

        // Assert
        created.Outcome.ShouldBe(IngestOutcome.Created);
        page.ShouldContain($"Trace <code>{traceId}</code>");
        page.ShouldContain("IngestService/IngestArticle");
        page.ShouldContain("<td>ingest</td>");
        page.ShouldContain("<td>analysis</td>");
        page.ShouldContain("postgresql");
        home.ShouldContain(traceId);
        home.ShouldContain("outcome=created");
        var logs = Path.Combine(Path.GetDirectoryName(appHost.DataDirectory)!, "logs");
        File.ReadAllText(Path.Combine(logs, "ingest.log")).ShouldContain("Now listening on");
        File.Exists(Path.Combine(logs, "postgres.log")).ShouldBeTrue();
        output.WriteLine($"spans in the trace on the page: {CountOf(page, "class=\"span")}");
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;
}
