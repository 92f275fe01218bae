namespace Sourcing.AppHost.Telemetry;

/// <summary>One received span, with ids as lower-case hex.</summary>
public sealed record StoredSpan(
    string Service, string TraceId, string SpanId, string ParentSpanId, string Name, string Kind, string Scope,
    DateTime Start, DateTime End, bool IsError, string StatusMessage, IReadOnlyDictionary<string, string> Attributes)
{
    public TimeSpan Duration => End - Start;
}

/// <summary>One received log record.</summary>
public sealed record StoredLog(
    string Service, DateTime Time, string Level, int SeverityNumber, string Category, string Message, string TraceId, string SpanId,
    IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// The latest point of one metric series (a metric of one service process, its <c>service.instance.id</c>, with one set
/// of attributes): <paramref name="Value"/> as the dashboard shows it, <paramref name="Sample"/> for the Prometheus
/// exposition (null where Prometheus has no equivalent, such as delta sums).
/// </summary>
public sealed record MetricPoint(
    string Service, string Instance, string Scope, string Name, string Unit, string Description, string Attributes, string Value, DateTime Time,
    MetricSample? Sample = null);

/// <summary>A point's numbers: a gauge's or counter's value, or a histogram's buckets.</summary>
public sealed record MetricSample(MetricKind Kind, IReadOnlyList<KeyValuePair<string, string>> Labels, double Value, HistogramBuckets? Histogram = null);

/// <summary>A cumulative histogram point: the count in each bucket (not cumulative), the buckets' upper bounds, sum and count.</summary>
public sealed record HistogramBuckets(IReadOnlyList<double> Bounds, IReadOnlyList<ulong> Counts, double Sum, ulong Count);

/// <summary>The Prometheus metric type a point maps to.</summary>
public enum MetricKind
{
    Gauge,
    Counter,
    Histogram,
}
