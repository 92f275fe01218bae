using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest.Telemetry;

/// <summary>
/// The outbox's depth and the age of its oldest row, as observable gauges. An exporter may observe them often, so
/// the values come from a cache that one background query refreshes at most every <see cref="MaxAge"/>; until the first
/// read succeeds nothing is reported rather than a made-up zero.
/// </summary>
public sealed partial class OutboxGauges
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<OutboxGauges> _logger;
    private OutboxSnapshot? _snapshot;
    private long _readAt;
    private int _refreshing;

    public OutboxGauges(IngestMetrics metrics, IServiceScopeFactory scopes, TimeProvider time, ILogger<OutboxGauges> logger)
    {
        (_scopes, _time, _logger) = (scopes, time, logger);
        metrics.Meter.CreateObservableGauge("sourcing.outbox.depth", () => Observe(s => s.Depth), "{row}",
            "Rows waiting in the outbox (queued, retrying or being dispatched).");
        metrics.Meter.CreateObservableGauge("sourcing.outbox.oldest_age", () => Observe(s => s.OldestAgeSeconds), "s",
            "How long the oldest outbox row has waited; 0 when the outbox is empty.");
    }

    private IEnumerable<Measurement<double>> Observe(Func<OutboxSnapshot, double> value)
    {
        var readAt = Volatile.Read(ref _readAt);
        if ((readAt == 0 || _time.GetElapsedTime(readAt) > MaxAge) && Interlocked.Exchange(ref _refreshing, 1) == 0)
        {
            _ = RefreshAsync();
        }

        return Volatile.Read(ref _snapshot) is { } snapshot ? [new Measurement<double>(value(snapshot))] : [];
    }

    private async Task RefreshAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<IngestDbContext>();
            var snapshot = await db.Database.SqlQuery<OutboxSnapshot>($"""
                SELECT count(*)::float8 AS "Depth",
                       COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8 AS "OldestAgeSeconds"
                FROM ingest.outbox
                """).SingleAsync();
            Volatile.Write(ref _snapshot, snapshot);
        }
        catch (Exception e)
        {
            // The database is down: the gauges go quiet instead of reporting stale numbers as fresh.
            Volatile.Write(ref _snapshot, null);
            LogReadFailed(_logger, e.Message);
        }
        finally
        {
            Volatile.Write(ref _readAt, _time.GetTimestamp());
            Volatile.Write(ref _refreshing, 0);
        }
    }

    private sealed record OutboxSnapshot(double Depth, double OldestAgeSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "The outbox gauges could not be read: {Error}")]
    private static partial void LogReadFailed(ILogger logger, string error);
}
