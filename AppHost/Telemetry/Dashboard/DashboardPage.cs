using System.Text;
using static Sourcing.AppHost.Telemetry.Dashboard.Html;

namespace Sourcing.AppHost.Telemetry.Dashboard;

/// <summary>The dashboard: resources and their state, recent traces (one as a span tree), filtered logs, current metrics.</summary>
public sealed class DashboardPage(TelemetryStore store, Func<IReadOnlyList<Resource>> resources)
{
    public string Render(DashboardQuery query)
    {
        var html = new StringBuilder();
        html.Append($"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Sourcing AppHost</title><style>{Style}</style></head><body>");
        html.Append("<h1>Sourcing AppHost</h1><nav><a href=\"/\">refresh</a><a href=\"#resources\">resources</a><a href=\"#traces\">traces</a>")
            .Append("<a href=\"#logs\">logs</a><a href=\"#metrics\">metrics</a></nav>");
        html.Append($"<p class=\"muted\">Received: {store.Spans.Added} spans ({store.Spans.Dropped} dropped from memory), " +
                    $"{store.Logs.Added} log records ({store.Logs.Dropped} dropped), {store.MetricPointsReceived} metric points " +
                    $"({store.DroppedSeries} series over the limit).</p>");
        RenderResources(html);
        var spans = store.Spans.Snapshot();
        if (query.Trace is { } trace)
        {
            TraceSection.RenderTree(html, trace, spans);
        }

        TraceSection.RenderList(html, spans);
        LogSection.Render(html, store.Logs.Snapshot(), query);
        RenderMetrics(html);
        return html.Append("</body></html>").ToString();
    }

    private void RenderResources(StringBuilder html)
    {
        html.Append("<h2 id=\"resources\">Resources</h2><table><tr><th>Resource</th><th>Type</th><th>State</th><th>Endpoint</th>" +
                    "<th>Health</th><th>PID</th><th>Restarts</th></tr>");
        foreach (var resource in resources())
        {
            var css = resource.State == ResourceState.Failed ? "err" : resource.State is ResourceState.Healthy or ResourceState.Finished ? "ok" : "";
            html.Append($"<tr><td>{E(resource.Name)}</td><td>{E(resource.Type)}</td><td class=\"{css}\">{resource.State}</td>" +
                        $"<td><code>{E(resource.Endpoint)}</code></td><td><code>{E(resource.Health)}</code></td>" +
                        $"<td>{resource.ProcessId?.ToString() ?? "-"}</td><td>{resource.Restarts}</td></tr>");
        }

        html.Append("</table>");
    }

    private void RenderMetrics(StringBuilder html)
    {
        html.Append("<h2 id=\"metrics\">Metrics (latest values)</h2><table><tr><th>Service</th><th>Metric</th><th>Attributes</th>" +
                    "<th>Value</th><th>Unit</th><th>At</th></tr>");
        // A replica's or a restarted process's series are told apart by the resource now running with that instance id.
        var processes = resources().Where(r => r.InstanceId is not null).ToDictionary(r => r.InstanceId!, r => r.Name);
        foreach (var metric in store.Metrics())
        {
            html.Append($"<tr><td>{E(processes.GetValueOrDefault(metric.Instance, metric.Service))}</td><td title=\"{E(metric.Description)}\">{E(metric.Name)}</td>" +
                        $"<td><code>{E(metric.Attributes)}</code></td><td>{E(metric.Value)}</td><td>{E(metric.Unit)}</td>" +
                        $"<td>{Time(metric.Time)}</td></tr>");
        }

        html.Append("</table>");
    }
}
