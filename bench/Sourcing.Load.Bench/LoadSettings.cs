using System.Globalization;

namespace Sourcing.Load.Bench;

/// <summary>
/// Command line: <c>--duration SECONDS</c> (30), <c>--ingest-clients N</c> (32), <c>--query-clients N</c> (8),
/// <c>--max-articles N</c> (100000, a bound on what the ingest clients send), <c>--drain-timeout SECONDS</c> (300),
/// <c>--fsync on|off</c> (off).
/// </summary>
public sealed record LoadSettings(TimeSpan Duration, int IngestClients, int QueryClients, int MaxArticles, TimeSpan DrainTimeout, bool Fsync)
{
    public static LoadSettings Parse(string[] args)
    {
        var settings = new LoadSettings(TimeSpan.FromSeconds(30), 32, 8, 100_000, TimeSpan.FromSeconds(300), false);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(Number(value)) },
                "--ingest-clients" => settings with { IngestClients = Number(value) },
                "--query-clients" => settings with { QueryClients = Number(value) },
                "--max-articles" => settings with { MaxArticles = Number(value) },
                "--drain-timeout" => settings with { DrainTimeout = TimeSpan.FromSeconds(Number(value)) },
                "--fsync" => settings with { Fsync = value != "off" },
                _ => throw new ArgumentException(
                    $"Unknown option {args[i]}; use --duration S, --ingest-clients N, --query-clients N, --max-articles N, --drain-timeout S, --fsync on|off."),
            };
        }
        return settings;
    }

    private static int Number(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
