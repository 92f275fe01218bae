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

/// <summary>The latest point of one metric series (a metric of a service with one set of attributes).</summary>
public sealed record MetricPoint(string Service, string Scope, string Name, string Unit, string Description, string Attributes, string Value, DateTime Time);
