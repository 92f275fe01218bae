using System.Globalization;
using Google.Protobuf.Collections;
using Grpc.Core;
using Sourcing.AppHost.Otlp.Collector.Metrics;
using Sourcing.AppHost.Otlp.Common;
using Sourcing.AppHost.Otlp.Metrics;

namespace Sourcing.AppHost.Telemetry;

/// <summary>
/// OTLP/gRPC <c>MetricsService/Export</c>: keeps the latest point of each series. A gauge or sum shows its value (the
/// services export cumulative sums); a histogram shows its count, mean and maximum.
/// </summary>
public sealed class OtlpMetricsReceiver(TelemetryStore store) : MetricsService.MetricsServiceBase
{
    public override Task<ExportMetricsServiceResponse> Export(ExportMetricsServiceRequest request, ServerCallContext context)
    {
        foreach (var resourceMetrics in request.ResourceMetrics)
        {
            var service = OtlpValues.Service(resourceMetrics.Resource);
            foreach (var scope in resourceMetrics.ScopeMetrics)
            {
                foreach (var metric in scope.Metrics)
                {
                    foreach (var (attributes, value, time) in Points(metric))
                    {
                        store.Add(new MetricPoint(service, scope.Scope?.Name ?? string.Empty, metric.Name, metric.Unit, metric.Description,
                            Describe(attributes), value, OtlpValues.Time(time)));
                    }
                }
            }
        }

        return Task.FromResult(new ExportMetricsServiceResponse());
    }

    private static IEnumerable<(RepeatedField<KeyValue>, string, ulong)> Points(Metric metric) => metric.DataCase switch
    {
        Metric.DataOneofCase.Gauge => metric.Gauge.DataPoints.Select(p => (p.Attributes, Number(p), p.TimeUnixNano)),
        Metric.DataOneofCase.Sum => metric.Sum.DataPoints.Select(p => (p.Attributes, Number(p), p.TimeUnixNano)),
        Metric.DataOneofCase.Histogram => metric.Histogram.DataPoints.Select(p => (p.Attributes, Histogram(p), p.TimeUnixNano)),
        _ => [],
    };

    private static string Number(NumberDataPoint point) => point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt
        ? point.AsInt.ToString(CultureInfo.InvariantCulture)
        : point.AsDouble.ToString("0.###", CultureInfo.InvariantCulture);

    private static string Histogram(HistogramDataPoint point)
    {
        var mean = point.Count > 0 && point.HasSum ? point.Sum / point.Count : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"count {point.Count}, mean {mean:0.####}{(point.HasMax ? $", max {point.Max:0.####}" : string.Empty)}");
    }

    private static string Describe(RepeatedField<KeyValue> attributes) =>
        string.Join(", ", attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={OtlpValues.Text(a.Value)}"));
}
