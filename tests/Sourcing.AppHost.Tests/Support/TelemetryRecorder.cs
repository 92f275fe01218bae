using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Sourcing.AppHost.Tests.Support;

/// <summary>
/// Every span and every measurement of a "Sourcing.*" meter made in this process while it lives, as an in-memory
/// exporter would see them: services hosted in the test process report through the same static sources.
/// </summary>
public sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters = new();

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = Spans.Add,
        };
        ActivitySource.AddActivityListener(_activities);
        _meters.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name.StartsWith("Sourcing.", StringComparison.Ordinal))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public ConcurrentBag<Activity> Spans { get; } = [];

    public ConcurrentBag<RecordedMeasurement> Measurements { get; } = [];

    /// <summary>Asks every observable instrument (the gauges) for its current value.</summary>
    public void ObserveGauges() => _meters.RecordObservableInstruments();

    public IReadOnlyList<RecordedMeasurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToList();

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags) =>
        Measurements.Add(new RecordedMeasurement(instrument.Name, value,
            tags.ToArray().ToDictionary(t => t.Key, t => t.Value?.ToString(), StringComparer.Ordinal)));
}

/// <summary>One measurement with its tags.</summary>
public sealed record RecordedMeasurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);
