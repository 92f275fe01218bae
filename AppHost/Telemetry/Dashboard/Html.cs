using System.Net;

namespace Sourcing.AppHost.Telemetry.Dashboard;

/// <summary>Small helpers for server-rendered HTML; every text that came from outside goes through <see cref="E"/>.</summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    public static string Q(string? text) => Uri.EscapeDataString(text ?? string.Empty);

    public static string Time(DateTime utc) => utc.ToLocalTime().ToString("HH:mm:ss.fff");

    public static string Duration(TimeSpan duration) =>
        duration.TotalMilliseconds < 1000 ? $"{duration.TotalMilliseconds:0.0} ms" : $"{duration.TotalSeconds:0.00} s";

    public const string Style = """
        body{font:13px system-ui,sans-serif;margin:1em 2em;color:#222}h1{font-size:20px}h2{font-size:16px;margin-top:1.6em}
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
        th{background:#f4f4f4}code{font-size:12px}.err{color:#b00}.ok{color:#080}.muted{color:#777}
        .bar{background:#7aa7e0;height:10px;display:inline-block;min-width:1px}.error .bar{background:#e07a7a}
        form{margin:.5em 0}input,select{font:inherit}nav a{margin-right:1em}
        """;
}
