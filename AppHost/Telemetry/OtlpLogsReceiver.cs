using Grpc.Core;
using Sourcing.AppHost.Otlp.Collector.Logs;

namespace Sourcing.AppHost.Telemetry;

/// <summary>OTLP/gRPC <c>LogsService/Export</c>: stores every log record.</summary>
public sealed class OtlpLogsReceiver(TelemetryStore store) : LogsService.LogsServiceBase
{
    public override Task<ExportLogsServiceResponse> Export(ExportLogsServiceRequest request, ServerCallContext context)
    {
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var service = OtlpValues.Service(resourceLogs.Resource);
            foreach (var scope in resourceLogs.ScopeLogs)
            {
                foreach (var record in scope.LogRecords)
                {
                    var time = record.TimeUnixNano != 0 ? record.TimeUnixNano : record.ObservedTimeUnixNano;
                    store.Logs.Add(new StoredLog(
                        service, OtlpValues.Time(time), LevelOf(record.SeverityNumber), record.SeverityNumber,
                        scope.Scope?.Name ?? string.Empty, OtlpValues.Text(record.Body),
                        OtlpValues.Hex(record.TraceId), OtlpValues.Hex(record.SpanId), OtlpValues.Attributes(record.Attributes)));
                }
            }
        }

        return Task.FromResult(new ExportLogsServiceResponse());
    }

    /// <summary>The level name of a severity number (each level spans four numbers).</summary>
    public static string LevelOf(int severity) => severity switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "None",
    };
}
