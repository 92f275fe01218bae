using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sourcing.AppHost.Telemetry;

namespace Sourcing.AppHost.Prometheus;

/// <summary>
/// Metric points in Prometheus's text exposition format (version 0.0.4), named as OpenTelemetry's Prometheus
/// exporters name them: dots to underscores, the unit as a suffix (<c>_seconds</c>, <c>_bytes</c>), <c>_total</c> on
/// counters, and a histogram as cumulative <c>_bucket{le=...}</c> series with <c>_sum</c> and <c>_count</c>.
/// </summary>
public static partial class PrometheusExposition
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IEnumerable<MetricPoint> points)
    {
        var text = new StringBuilder();
        var families = points.Where(p => p.Sample is not null).GroupBy(FamilyName).OrderBy(f => f.Key, StringComparer.Ordinal);
        foreach (var family in families)
        {
            var name = family.Key;
            var kind = family.First().Sample!.Kind;
            var help = family.First().Description;
            if (help.Length > 0)
            {
                text.Append($"# HELP {name} {help.Replace("\\", "\\\\").Replace("\n", "\\n")}\n");
            }

            text.Append($"# TYPE {name} {kind.ToString().ToLowerInvariant()}\n");
            foreach (var point in family)
            {
                WriteSample(text, name, point.Sample!);
            }
        }

        return text.ToString();
    }

    /// <summary>The metric family's name: <c>sourcing.outbox.oldest_age</c> in <c>s</c> is <c>sourcing_outbox_oldest_age_seconds</c>.</summary>
    public static string FamilyName(MetricPoint point)
    {
        var name = InvalidNameCharacters().Replace(point.Name, "_");
        var unit = UnitSuffix(point.Unit);
        if (unit.Length > 0 && !name.EndsWith("_" + unit, StringComparison.Ordinal))
        {
            name += "_" + unit;
        }

        return point.Sample?.Kind == MetricKind.Counter && !name.EndsWith("_total", StringComparison.Ordinal) ? name + "_total" : name;
    }

    private static void WriteSample(StringBuilder text, string name, MetricSample sample)
    {
        if (sample.Histogram is not { } histogram)
        {
            text.Append($"{name}{Labels(sample.Labels)} {Number(sample.Value)}\n");
            return;
        }

        ulong cumulative = 0;
        for (var i = 0; i < histogram.Bounds.Count && i < histogram.Counts.Count; i++)
        {
            cumulative += histogram.Counts[i];
            text.Append($"{name}_bucket{Labels(sample.Labels, ("le", Number(histogram.Bounds[i])))} {cumulative}\n");
        }

        text.Append($"{name}_bucket{Labels(sample.Labels, ("le", "+Inf"))} {histogram.Count}\n");
        text.Append($"{name}_sum{Labels(sample.Labels)} {Number(histogram.Sum)}\n");
        text.Append($"{name}_count{Labels(sample.Labels)} {histogram.Count}\n");
    }

    private static string Labels(IReadOnlyList<KeyValuePair<string, string>> labels, (string Name, string Value)? extra = null)
    {
        var all = labels.Select(l => (Name: LabelName(l.Key), l.Value)).ToList();
        if (extra is { } added)
        {
            all.Add(added);
        }

        return all.Count == 0
            ? string.Empty
            : "{" + string.Join(",", all.Select(l => $"{l.Name}=\"{l.Value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n")}\"")) + "}";
    }

    private static string LabelName(string key)
    {
        var name = InvalidLabelCharacters().Replace(key, "_");
        return name.Length == 0 || char.IsAsciiDigit(name[0]) ? "_" + name : name;
    }

    // UCUM units as OpenTelemetry's Prometheus exporters spell them; annotations such as {row} are not units.
    private static string UnitSuffix(string unit) => unit switch
    {
        "s" => "seconds",
        "ms" => "milliseconds",
        "By" => "bytes",
        "1" => "ratio",
        _ when unit.StartsWith('{') => string.Empty,
        _ => InvalidNameCharacters().Replace(unit, "_"),
    };

    private static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    [GeneratedRegex("[^a-zA-Z0-9_:]")]
    private static partial Regex InvalidNameCharacters();

    [GeneratedRegex("[^a-zA-Z0-9_]")]
    private static partial Regex InvalidLabelCharacters();
}
