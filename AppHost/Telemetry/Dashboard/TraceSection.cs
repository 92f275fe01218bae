using System.Text;
using static Sourcing.AppHost.Telemetry.Dashboard.Html;

namespace Sourcing.AppHost.Telemetry.Dashboard;

/// <summary>Recent traces as a list, and one trace as a span tree across services with a timing bar per span.</summary>
public static class TraceSection
{
    private const int ListedTraces = 50;

    public static void RenderList(StringBuilder html, List<StoredSpan> spans)
    {
        html.Append("<h2 id=\"traces\">Recent traces</h2><table><tr><th>Started</th><th>Trace</th><th>Root</th><th>Services</th>" +
                    "<th>Spans</th><th>Duration</th></tr>");
        var traces = spans.GroupBy(s => s.TraceId).Select(g => g.ToList()).OrderByDescending(g => g.Min(s => s.Start)).Take(ListedTraces);
        foreach (var trace in traces)
        {
            var root = trace.Where(s => !trace.Any(p => p.SpanId == s.ParentSpanId)).MinBy(s => s.Start)!;
            var error = trace.Any(s => s.IsError) ? " class=\"err\"" : string.Empty;
            html.Append($"<tr{error}><td>{Time(root.Start)}</td><td><a href=\"/?trace={Q(root.TraceId)}#trace\"><code>{E(root.TraceId)}</code></a></td>" +
                        $"<td>{E(root.Service)}: {E(root.Name)}</td><td>{E(string.Join(", ", trace.Select(s => s.Service).Distinct()))}</td>" +
                        $"<td>{trace.Count}</td><td>{Duration(trace.Max(s => s.End) - trace.Min(s => s.Start))}</td></tr>");
        }

        html.Append("</table>");
    }

    public static void RenderTree(StringBuilder html, string traceId, List<StoredSpan> all)
    {
        var spans = all.Where(s => s.TraceId == traceId).ToList();
        html.Append($"<h2 id=\"trace\">Trace <code>{E(traceId)}</code></h2>");
        if (spans.Count == 0)
        {
            html.Append("<p>No span of this trace is in memory (yet).</p>");
            return;
        }

        var start = spans.Min(s => s.Start);
        var total = Math.Max((spans.Max(s => s.End) - start).TotalMilliseconds, 0.001);
        var children = spans.ToLookup(s => s.ParentSpanId);
        var ids = spans.Select(s => s.SpanId).ToHashSet();
        html.Append($"<p><a href=\"/?logtrace={Q(traceId)}#logs\">its logs</a></p><table><tr><th>Span</th><th>Service</th><th>Kind</th>" +
                    "<th>Duration</th><th style=\"width:30%\">Timeline</th></tr>");
        foreach (var root in spans.Where(s => !ids.Contains(s.ParentSpanId)).OrderBy(s => s.Start))
        {
            RenderSpan(html, root, 0, children, start, total);
        }

        html.Append("</table>");
    }

    private static void RenderSpan(StringBuilder html, StoredSpan span, int depth, ILookup<string, StoredSpan> children, DateTime start, double total)
    {
        var offset = (span.Start - start).TotalMilliseconds / total * 100;
        var width = Math.Max(span.Duration.TotalMilliseconds / total * 100, 0.2);
        var detail = string.Join("\n", span.Attributes.Select(a => $"{a.Key}={a.Value}"));
        html.Append($"<tr class=\"span{(span.IsError ? " error err" : string.Empty)}\" data-span-id=\"{E(span.SpanId)}\">" +
                    $"<td style=\"padding-left:{8 + depth * 18}px\" title=\"{E(detail)}\">{E(span.Name)}" +
                    $"{(span.IsError ? $" <span class=\"err\">({E(span.StatusMessage)})</span>" : string.Empty)}</td>" +
                    $"<td>{E(span.Service)}</td><td>{E(span.Kind)}</td><td>{Duration(span.Duration)}</td>" +
                    $"<td><span class=\"bar\" style=\"margin-left:{offset:0.##}%;width:{width:0.##}%\"></span></td></tr>");
        foreach (var child in children[span.SpanId].OrderBy(s => s.Start))
        {
            RenderSpan(html, child, depth + 1, children, start, total);
        }
    }
}
