using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;

namespace Sourcing.Query.Telemetry;

/// <summary>The query service's own meter (<c>Sourcing.Query</c>): how long each query method takes.</summary>
public sealed class QueryMetrics
{
    public const string MeterName = "Sourcing.Query";

    private readonly Histogram<double> _duration;

    public QueryMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>("sourcing.query.duration", "s",
            "Time to answer one QueryService call (a stream: until it ends), by method and gRPC status code.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
    }

    public void Answered(string fullMethod, StatusCode status, long startTimestamp) =>
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds,
            new KeyValuePair<string, object?>("method", fullMethod[(fullMethod.LastIndexOf('/') + 1)..]),
            new KeyValuePair<string, object?>("status", status.ToString()));
}
