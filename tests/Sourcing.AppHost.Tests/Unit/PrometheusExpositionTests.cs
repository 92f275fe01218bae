using Sourcing.AppHost.Prometheus;
using Sourcing.AppHost.Telemetry;

namespace Sourcing.AppHost.Tests.Unit;

public sealed class PrometheusExpositionTests
{
    [Fact]
    public void Write_CounterWithAnnotationUnit_TotalSuffixHelpTypeAndLabels()
    {
        var text = PrometheusExposition.Write([Point("sourcing.ingest.articles", "{article}", "Articles submitted.", new MetricSample(MetricKind.Counter, [new("outcome", "created")], 3))]);

        text.ShouldBe("""
            # HELP sourcing_ingest_articles_total Articles submitted.
            # TYPE sourcing_ingest_articles_total counter
            sourcing_ingest_articles_total{outcome="created"} 3

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_Histogram_CumulativeBucketsWithInfSumAndCount()
    {
        var sample = new MetricSample(MetricKind.Histogram, [new("operation", "analyze")], 4, new HistogramBuckets([0.1, 1], [1, 2, 1], 3.5, 4));

        var text = PrometheusExposition.Write([Point("sourcing.analysis.duration", "s", string.Empty, sample)]);

        text.ShouldBe("""
            # TYPE sourcing_analysis_duration_seconds histogram
            sourcing_analysis_duration_seconds_bucket{operation="analyze",le="0.1"} 1
            sourcing_analysis_duration_seconds_bucket{operation="analyze",le="1"} 3
            sourcing_analysis_duration_seconds_bucket{operation="analyze",le="+Inf"} 4
            sourcing_analysis_duration_seconds_sum{operation="analyze"} 3.5
            sourcing_analysis_duration_seconds_count{operation="analyze"} 4

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Write_LabelsNeedingEscapes_NamesSanitizedAndValuesEscaped()
    {
        var sample = new MetricSample(MetricKind.Gauge, [new("http.route", "a\"b\\c\nd"), new("2xx", "x")], 0.25);

        var text = PrometheusExposition.Write([Point("kestrel.queue-length", "By", "Line one\nline two", sample)]);

        text.ShouldContain("# HELP kestrel_queue_length_bytes Line one\\nline two\n");
        text.ShouldContain("kestrel_queue_length_bytes{http_route=\"a\\\"b\\\\c\\nd\",_2xx=\"x\"} 0.25\n");
    }

    [Fact]
    public void Write_TwoSeriesOfOneMetricAndAPointWithoutSample_OneFamilyHeaderAndNoUnrepresentablePoint()
    {
        MetricPoint[] points =
        [
            Point("sourcing.outbox.depth", "{row}", "Rows waiting.", new MetricSample(MetricKind.Gauge, [new("x", "1")], 1)),
            Point("sourcing.outbox.depth", "{row}", "Rows waiting.", new MetricSample(MetricKind.Gauge, [new("x", "2")], 2)),
            Point("sourcing.delta.sum", "1", "A delta sum.", null),
        ];

        var text = PrometheusExposition.Write(points);

        text.Split('\n').Count(line => line.StartsWith("# TYPE", StringComparison.Ordinal)).ShouldBe(1);
        text.ShouldContain("sourcing_outbox_depth{x=\"1\"} 1\nsourcing_outbox_depth{x=\"2\"} 2\n");
        text.ShouldNotContain("delta");
    }

    private static MetricPoint Point(string name, string unit, string description, MetricSample? sample) =>
        new("ingest", "instance-1", "Sourcing.Ingest", name, unit, description, string.Empty, string.Empty, DateTime.UnixEpoch, sample);
}
