using System.Diagnostics;
using System.Diagnostics.Metrics;
using Sourcing.Attribution;

namespace Sourcing.Analysis.Telemetry;

/// <summary>
/// The analysis service's own meter (<c>Sourcing.Analysis</c>): how long analyses take and what they find.
/// </summary>
public sealed class AnalysisMetrics
{
    public const string MeterName = "Sourcing.Analysis";

    private readonly Histogram<double> _duration;
    private readonly Counter<long> _attributions;

    public AnalysisMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _duration = meter.CreateHistogram<double>("sourcing.analysis.duration", "s",
            "Time of one analysis call (engine and storage), by operation: analyze_articles (a stored batch), analyze_article (one stored article) or analyze (text only).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _attributions = meter.CreateCounter<long>("sourcing.analysis.attributions", "{attribution}",
            "Attributions found in stored analyses, by sourcing (named, anonymous) and entity (person, group, organization, document).");
    }

    /// <summary>Records one analysis from <paramref name="startTimestamp"/> (a <see cref="Stopwatch"/> timestamp) until now.</summary>
    public void Analyzed(string operation, long startTimestamp) =>
        _duration.Record(Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds, new KeyValuePair<string, object?>("operation", operation));

    /// <summary>Counts the attributions stored for one article.</summary>
    public void Found(IEnumerable<DetectedAttribution> attributions)
    {
        foreach (var group in attributions.GroupBy(a => (a.Sourcing, a.Entity)))
        {
            _attributions.Add(group.LongCount(),
                new KeyValuePair<string, object?>("sourcing", group.Key.Sourcing.ToString().ToLowerInvariant()),
                new KeyValuePair<string, object?>("entity", group.Key.Entity.ToString().ToLowerInvariant()));
        }
    }
}
