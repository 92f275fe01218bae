using System.Text;
using static Sourcing.AppHost.Telemetry.Dashboard.Html;

namespace Sourcing.AppHost.Telemetry.Dashboard;

/// <summary>Structured logs, newest first, filtered by service, minimum level and trace id.</summary>
public static class LogSection
{
    private const int Shown = 300;
    private static readonly string[] Levels = ["Trace", "Debug", "Information", "Warning", "Error", "Critical"];

    public static void Render(StringBuilder html, List<StoredLog> logs, DashboardQuery query)
    {
        var services = logs.Select(l => l.Service).Distinct().Order(StringComparer.Ordinal);
        html.Append("<h2 id=\"logs\">Logs</h2><form method=\"get\" action=\"/#logs\">service <select name=\"service\"><option value=\"\">all</option>");
        foreach (var service in services)
        {
            html.Append($"<option{(service == query.Service ? " selected" : string.Empty)}>{E(service)}</option>");
        }

        html.Append("</select> level at least <select name=\"level\"><option value=\"\">any</option>");
        foreach (var level in Levels)
        {
            html.Append($"<option{(level == query.Level ? " selected" : string.Empty)}>{level}</option>");
        }

        html.Append($"</select> trace <input name=\"logtrace\" size=\"34\" value=\"{E(query.LogTrace)}\"> <button>filter</button></form>");
        var minimum = query.Level is null ? 0 : Array.IndexOf(Levels, query.Level) * 4 + 1;
        var shown = logs
            .Where(l => query.Service is null || l.Service == query.Service)
            .Where(l => l.SeverityNumber >= minimum)
            .Where(l => query.LogTrace is null || l.TraceId == query.LogTrace)
            .Reverse().Take(Shown);
        html.Append("<table><tr><th>Time</th><th>Service</th><th>Level</th><th>Category</th><th>Message</th><th>Trace</th></tr>");
        foreach (var log in shown)
        {
            var css = log.SeverityNumber >= 17 ? " class=\"err\"" : string.Empty;
            var trace = log.TraceId.Length == 0 ? string.Empty : $"<a href=\"/?trace={Q(log.TraceId)}#trace\"><code>{E(log.TraceId[..8])}</code></a>";
            html.Append($"<tr{css}><td>{Time(log.Time)}</td><td>{E(log.Service)}</td><td>{log.Level}</td><td>{E(log.Category)}</td>" +
                        $"<td>{E(log.Message)}</td><td>{trace}</td></tr>");
        }

        html.Append("</table>");
    }
}
