using System.Diagnostics;
using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.AppHost.Tests.Support;
using Sourcing.Contracts.V1;
using Sourcing.Ingest;
using Sourcing.Ingest.Data;
using Sourcing.Testing;
using Xunit.Abstractions;

namespace Sourcing.AppHost.Tests.Functional;

/// <summary>
/// The services' own telemetry, hosted in the test process: one ingested article leaves the ingest, dispatch and
/// analysis metrics, and one trace from the ingest call through the outbox into analysis.
/// </summary>
public sealed class ServiceTelemetryTests(PostgresDatabaseFixture database, ITestOutputHelper output) : IClassFixture<PostgresDatabaseFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task IngestArticle_Analyzed_RecordsMetricsAndOneTraceAcrossServices()
    {
        // Arrange
        using var telemetry = new TelemetryRecorder();
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, database.ConnectionString);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, database.ConnectionString);
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString);
        await using var ingest = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString,
            new Dictionary<string, string?> { ["services:analysis:http:0"] = analysis.GrpcAddress.ToString() });
        var client = new IngestService.IngestServiceClient(ingest.Channel);
        var lines = await File.ReadAllLinesAsync(Path.Combine(RepositoryPaths.Samples, "harbor-strike.txt"));
        var request = new IngestArticleRequest
        {
            Title = lines[0], Body = string.Join('\n', lines.Skip(1)), ContentType = ContentType.Text, Outlet = "Calloway Courier",
        };

        // Act
        var created = await client.IngestArticleAsync(request, deadline: DateTime.UtcNow + Timeout);
        var duplicate = await client.IngestArticleAsync(request, deadline: DateTime.UtcNow + Timeout);
        await Eventually.Until(
            async () => (await client.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { created.ArticleId } },
                deadline: DateTime.UtcNow + Timeout)).Statuses.Single().State,
            state => state == ArticleState.Analyzed, Timeout, "analysis");
        await Eventually.Until(() => Task.FromResult(telemetry.Spans.Any(IsDispatch)), found => found, Timeout, "the dispatch span");
        var depth = await Eventually.Until(() =>
        {
            telemetry.ObserveGauges();
            return Task.FromResult(telemetry.Of("sourcing.outbox.depth"));
        }, found => found.Count > 0, Timeout, "the outbox depth gauge");

        // Assert: metrics
        created.Outcome.ShouldBe(IngestOutcome.Created);
        duplicate.Outcome.ShouldBe(IngestOutcome.Duplicate);
        telemetry.Of("sourcing.ingest.articles").Select(m => m.Tags["outcome"]).Order().ShouldBe(["created", "duplicate"]);
        telemetry.Of("sourcing.ingest.payload.size").ShouldAllBe(m => m.Value == System.Text.Encoding.UTF8.GetByteCount(request.Body));
        telemetry.Of("sourcing.outbox.dispatch.attempts").ShouldContain(m => m.Tags["result"] == "analyzed");
        telemetry.Of("sourcing.analysis.duration").ShouldContain(m => m.Tags["operation"] == "analyze_articles" && m.Value > 0);
        var attributions = telemetry.Of("sourcing.analysis.attributions");
        attributions.Sum(m => m.Value).ShouldBeGreaterThan(0);
        attributions.ShouldAllBe(m => m.Tags.ContainsKey("sourcing") && m.Tags.ContainsKey("entity"));
        depth.ShouldAllBe(m => m.Value >= 0);
        telemetry.Of("sourcing.outbox.oldest_age").ShouldNotBeEmpty();

        // Assert: one trace from the ingest call, through the dispatcher, into analysis and its SQL
        var spans = telemetry.Spans.ToList();
        var ingestSpan = spans.Where(s => IsServerSpan(s, "IngestService/IngestArticle")).MinBy(s => s.StartTimeUtc)!; // the call that created it
        var dispatch = spans.First(s => IsDispatch(s) && s.GetTagItem("sourcing.article_id")?.ToString() == created.ArticleId);
        var analysisSpan = spans.First(s => IsServerSpan(s, "AnalysisService/AnalyzeArticle") && s.TraceId == dispatch.TraceId);
        dispatch.TraceId.ShouldBe(ingestSpan.TraceId);
        analysisSpan.TraceId.ShouldBe(ingestSpan.TraceId);
        var trace = spans.Where(s => s.TraceId == ingestSpan.TraceId).ToList();
        trace.ShouldContain(s => IsDescendant(s, analysisSpan, trace), "the SQL analysis ran is in the trace");
        output.WriteLine($"{trace.Count} spans in the ingest trace: " +
                         string.Join(", ", trace.GroupBy(s => s.Source.Name).Select(g => $"{g.Key} {g.Count()}")));
    }

    private static bool IsDispatch(Activity span) => span.Source.Name == "Sourcing.Ingest.Outbox" && span.OperationName == "outbox dispatch";

    private static bool IsServerSpan(Activity span, string method) =>
        span.Kind == ActivityKind.Server
        && (span.DisplayName.Contains(method, StringComparison.Ordinal)
            || span.TagObjects.Any(t => t.Value?.ToString()?.Contains(method, StringComparison.Ordinal) == true));

    private static bool IsDescendant(Activity span, Activity ancestor, List<Activity> trace)
    {
        if (span.Source.Name != "Npgsql")
        {
            return false;
        }

        for (var parent = span.ParentSpanId; parent != default;)
        {
            if (parent == ancestor.SpanId)
            {
                return true;
            }

            parent = trace.FirstOrDefault(s => s.SpanId == parent)?.ParentSpanId ?? default;
        }

        return false;
    }
}
