using Grpc.Core;
using Sourcing.AppHost.Otlp.Collector.Trace;

namespace Sourcing.AppHost.Telemetry;

/// <summary>OTLP/gRPC <c>TraceService/Export</c>: stores every span.</summary>
public sealed class OtlpTraceReceiver(TelemetryStore store) : TraceService.TraceServiceBase
{
    public override Task<ExportTraceServiceResponse> Export(ExportTraceServiceRequest request, ServerCallContext context)
    {
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var service = OtlpValues.Service(resourceSpans.Resource);
            foreach (var scope in resourceSpans.ScopeSpans)
            {
                foreach (var span in scope.Spans)
                {
                    store.Spans.Add(new StoredSpan(
                        service, OtlpValues.Hex(span.TraceId), OtlpValues.Hex(span.SpanId), OtlpValues.Hex(span.ParentSpanId),
                        span.Name, KindName(span.Kind), scope.Scope?.Name ?? string.Empty,
                        OtlpValues.Time(span.StartTimeUnixNano), OtlpValues.Time(span.EndTimeUnixNano),
                        span.Status?.Code == Otlp.Trace.Status.Types.StatusCode.Error, span.Status?.Message ?? string.Empty,
                        OtlpValues.Attributes(span.Attributes)));
                }
            }
        }

        return Task.FromResult(new ExportTraceServiceResponse());
    }

    private static string KindName(Otlp.Trace.Span.Types.SpanKind kind) => kind switch
    {
        Otlp.Trace.Span.Types.SpanKind.Server => "server",
        Otlp.Trace.Span.Types.SpanKind.Client => "client",
        Otlp.Trace.Span.Types.SpanKind.Producer => "producer",
        Otlp.Trace.Span.Types.SpanKind.Consumer => "consumer",
        _ => "internal",
    };
}
