using Microsoft.AspNetCore.Http;

namespace Sourcing.AppHost.Telemetry.Dashboard;

/// <summary>The page's filters, from its query string: a trace to show, and the log filters.</summary>
public sealed record DashboardQuery(string? Trace, string? Service, string? Level, string? LogTrace)
{
    public static DashboardQuery From(IQueryCollection query) => new(
        Blank(query["trace"]), Blank(query["service"]), Blank(query["level"]), Blank(query["logtrace"]));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
