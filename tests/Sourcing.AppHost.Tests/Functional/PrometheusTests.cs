using Grpc.Net.Client;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.AppHost.Tests.Functional;

/// <summary>The AppHost's Prometheus scrape endpoints, and prometheus started against them where it is on PATH.</summary>
[Collection(AppHostReplicasCollection.Name)]
public sealed class PrometheusTests(AppHostReplicasFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private AppHostProcess AppHost => fixture.AppHost;

    [Fact]
    public async Task MetricsEndpoint_AfterAnIngestThroughEachReplica_ServesThatReplicasOwnMetrics()
    {
        // Arrange
        var article = SyntheticArticles.Generate(1, seed: Random.Shared.Next()).Single();
        foreach (var replica in new[] { "ingest-1", "ingest-2" })
        {
            using var channel = GrpcChannel.ForAddress(AppHost.GrpcUrlOf(replica));
            await new IngestService.IngestServiceClient(channel).IngestArticleAsync(
                new IngestArticleRequest { Title = article.Title, Body = article.Body + replica, ContentType = ContentType.Text },
                deadline: DateTime.UtcNow + Timeout);
        }

        // Act: the services export every 5 s; the AppHost keeps the latest point.
        var first = await ScrapeUntilAsync("ingest-1", "sourcing_ingest_articles_total{outcome=\"created\"}");
        var second = await ScrapeUntilAsync("ingest-2", "sourcing_ingest_articles_total{outcome=\"created\"}");
        var analysis = await ScrapeUntilAsync("analysis", "sourcing_analysis_duration_seconds_bucket{");
        using var unknown = await Http.GetAsync($"{AppHost.DashboardUrl}/metrics/nothing-of-that-name");

        // Assert
        first.ShouldContain("# TYPE sourcing_ingest_articles_total counter");
        first.ShouldContain("sourcing_ingest_payload_size_bytes_count");
        second.ShouldContain("# TYPE sourcing_ingest_articles_total counter");
        second.ShouldNotBe(first);
        analysis.ShouldContain("# TYPE sourcing_analysis_duration_seconds histogram");
        analysis.ShouldContain("le=\"+Inf\"");
        analysis.ShouldNotContain("sourcing_ingest_articles_total");
        unknown.StatusCode.ShouldBe(System.Net.HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Run_PrometheusOnPath_StartedWithAConfigScrapingEveryServiceProcess()
    {
        // Arrange
        await AppHost.WaitForLineAsync(line => line.Contains("prometheus: Healthy", StringComparison.Ordinal), Timeout, "prometheus healthy");

        // Act
        var arguments = fixture.Prometheus.Arguments;
        var configFile = arguments.Single(a => a.StartsWith("--config.file=", StringComparison.Ordinal))["--config.file=".Length..];
        var config = await File.ReadAllTextAsync(configFile);

        // Assert
        arguments.ShouldContain($"--web.listen-address=127.0.0.1:{fixture.PrometheusPort}");
        configFile.ShouldStartWith(Path.GetDirectoryName(AppHost.DataDirectory)!);
        foreach (var resource in new[] { "analysis", "ingest-1", "ingest-2", "query" })
        {
            config.ShouldContain($"job_name: \"{resource}\"");
            config.ShouldContain($"metrics_path: \"/metrics/{resource}\"");
        }

        config.ShouldContain($"targets: [\"127.0.0.1:{new Uri(AppHost.DashboardUrl).Port}\"]");
        AppHost.OutputLines.ShouldContain(line => line.StartsWith("| prometheus ", StringComparison.Ordinal) && line.Contains("| Healthy "));
    }

    private async Task<string> ScrapeUntilAsync(string resource, string expected) =>
        await Eventually.Until(() => Http.GetStringAsync($"{AppHost.DashboardUrl}/metrics/{resource}"),
            text => text.Contains(expected, StringComparison.Ordinal), Timeout, $"{expected} in /metrics/{resource}");
}
