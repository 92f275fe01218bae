using System.Diagnostics.Metrics;
using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Articles;

namespace Sourcing.Ingest.Telemetry;

/// <summary>
/// The ingest service's own meter (<c>Sourcing.Ingest</c>): articles by outcome, payload sizes and dispatch
/// attempts. The outbox gauges live in <see cref="OutboxGauges"/>, which reads them from PostgreSQL.
/// </summary>
public sealed class IngestMetrics
{
    public const string MeterName = "Sourcing.Ingest";

    private readonly Counter<long> _articles;
    private readonly Histogram<long> _payloadBytes;
    private readonly Counter<long> _dispatchAttempts;

    public IngestMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        _articles = Meter.CreateCounter<long>("sourcing.ingest.articles", "{article}",
            "Articles submitted to ingest, by outcome: created, duplicate, invalid or error.");
        _payloadBytes = Meter.CreateHistogram<long>("sourcing.ingest.payload.size", "By",
            "The size of each submitted article body, in UTF-8 bytes.");
        _dispatchAttempts = Meter.CreateCounter<long>("sourcing.outbox.dispatch.attempts", "{attempt}",
            "Calls from the outbox dispatcher to analysis, by result: analyzed, retry, parked.");
    }

    public Meter Meter { get; }

    /// <summary>Counts each article of a call by what became of it, and its body's size.</summary>
    public void Ingested(IReadOnlyList<IngestArticleRequest> requests, IReadOnlyList<IngestResult> results)
    {
        for (var i = 0; i < results.Count; i++)
        {
            _payloadBytes.Record(System.Text.Encoding.UTF8.GetByteCount(requests[i].Body));
            _articles.Add(1, new KeyValuePair<string, object?>("outcome", OutcomeOf(results[i])));
        }
    }

    /// <summary>Counts one dispatch attempt: <c>analyzed</c>, <c>retry</c> or <c>parked</c>.</summary>
    public void Dispatched(string result, int count = 1) => _dispatchAttempts.Add(count, new KeyValuePair<string, object?>("result", result));

    private static string OutcomeOf(IngestResult result) => result switch
    {
        { Response.Outcome: IngestOutcome.Created } => "created",
        { Response.Outcome: IngestOutcome.Duplicate } => "duplicate",
        { Error.StatusCode: StatusCode.InvalidArgument or StatusCode.ResourceExhausted } => "invalid",
        _ => "error",
    };
}
