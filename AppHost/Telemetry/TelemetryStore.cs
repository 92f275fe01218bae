using System.Collections.Concurrent;

namespace Sourcing.AppHost.Telemetry;

/// <summary>
/// Recent telemetry in bounded memory: the last spans and log records in ring buffers, and the latest point of each
/// metric series (at most <see cref="MaxSeries"/> series; new series beyond that are counted and dropped).
/// </summary>
public sealed class TelemetryStore(int spanCapacity = 20_000, int logCapacity = 10_000)
{
    public const int MaxSeries = 5_000;

    private readonly ConcurrentDictionary<(string Service, string Instance, string Name, string Attributes), MetricPoint> _metrics = new();
    private long _droppedSeries;
    private long _metricPoints;

    public RingBuffer<StoredSpan> Spans { get; } = new(spanCapacity);

    public RingBuffer<StoredLog> Logs { get; } = new(logCapacity);

    public long MetricPointsReceived => Interlocked.Read(ref _metricPoints);

    public long DroppedSeries => Interlocked.Read(ref _droppedSeries);

    public void Add(MetricPoint point)
    {
        Interlocked.Increment(ref _metricPoints);
        var key = (point.Service, point.Instance, point.Name, point.Attributes);
        if (_metrics.Count >= MaxSeries && !_metrics.ContainsKey(key))
        {
            Interlocked.Increment(ref _droppedSeries);
            return;
        }

        _metrics[key] = point;
    }

    /// <summary>The latest point of every series, by service, name and instance.</summary>
    public List<MetricPoint> Metrics() =>
        _metrics.Values.OrderBy(m => m.Service, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ThenBy(m => m.Instance, StringComparer.Ordinal).ThenBy(m => m.Attributes, StringComparer.Ordinal).ToList();

    /// <summary>The latest point of every series of one service process, by its <c>service.instance.id</c>.</summary>
    public List<MetricPoint> MetricsOf(string instance) => Metrics().Where(m => m.Instance == instance).ToList();
}
