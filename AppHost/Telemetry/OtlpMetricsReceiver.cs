using System.Globalization;
using Google.Protobuf.Collections;
using Grpc.Core;
using Sourcing.AppHost.Otlp.Collector.Metrics;
using Sourcing.AppHost.Otlp.Common;
using Sourcing.AppHost.Otlp.Metrics;

namespace Sourcing.AppHost.Telemetry;

/// <summary>
/// OTLP/gRPC <c>MetricsService/Export</c>: keeps the latest point of each series. A gauge or sum shows its value (the
/// services export cumulative sums); a histogram shows its count, mean and maximum, and keeps its buckets for Prometheus.
/// </summary>
public sealed class OtlpMetricsReceiver(TelemetryStore store) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var service = OtlpValues.Service(resourceMetrics.Resource);
            var instance = OtlpValues.Instance(resourceMetrics.Resource);
            foreach (var scope in resourceMetrics.ScopeMetrics)
            {
                foreach (var metric in scope.Metrics)
                {
                    foreach (var (attributes, value, time, sample) in Points(metric))
                    {
                        store.Add(new MetricPoint(service, instance, scope.Scope?.Name ?? string.Empty, metric.Name, metric.Unit, metric.Description,
                            Describe(attributes), value, OtlpValues.Time(time), sample));
                    }
                }
            }
        }

        return Task.FromResult(new ExportMetricsServiceResponse());
    }

    private static IEnumerable<(RepeatedField<KeyValue>, string, ulong, MetricSample?)> Points(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => (p.Attributes, Number(p), p.TimeUnixNano,
            (MetricSample?)new MetricSample(MetricKind.Gauge, Labels(p.Attributes), Value(p)))),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => (p.Attributes, Number(p), p.TimeUnixNano, SumSample(metric.Sum, p))),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => (p.Attributes, Histogram(p), p.TimeUnixNano,
            HistogramSample(metric.Histogram, p))),
        _ => [],
    };

    // Prometheus counters and histograms are totals since the start; a delta point has no equivalent without summing them up.
    private static MetricSample? SumSample(Sum sum, NumberDataPoint point) => sum.AggregationTemporality switch
    {
        AggregationTemporality.Delta => null,
        _ => new MetricSample(sum.IsMonotonic ? MetricKind.Counter : MetricKind.Gauge, Labels(point.Attributes), Value(point)),
    };

    private static MetricSample? HistogramSample(Otlp.Metrics.Histogram histogram, HistogramDataPoint point) =>
        histogram.AggregationTemporality == AggregationTemporality.Delta
            ? null
            : new MetricSample(MetricKind.Histogram, Labels(point.Attributes), point.Count,
                new HistogramBuckets([.. point.ExplicitBounds], [.. point.BucketCounts], point.HasSum ? point.Sum : 0, point.Count));

    private static double Value(NumberDataPoint point) => point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble;

    private static string Number(NumberDataPoint point) => point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt
        ? point.AsInt.ToString(CultureInfo.InvariantCulture)
        : point.AsDouble.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Histogram(HistogramDataPoint point)
    {
        var mean = point.Count > 0 && point.HasSum ? point.Sum / point.Count : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"count {point.Count}, mean {mean:0.####}{(point.HasMax ? $", max {point.Max:0.####}" : string.Empty)}");
    }

    private static List<KeyValuePair<string, string>> Labels(RepeatedField<KeyValue> attributes) =>
        [.. attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Key, OtlpValues.Text(a.Value)))];

    private static string Describe(RepeatedField<KeyValue> attributes) =>
        string.Join(", ", Labels(attributes).Select(a => $"{a.Key}={a.Value}"));
}
