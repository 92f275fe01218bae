using System.Globalization;

namespace Sourcing.Ingest.Bench;

/// <summary>Command line: <c>--articles N</c> (10000), <c>--streams N</c> (4), <c>--fsync on|off</c> (on), <c>--ingest-only</c> (no dispatch, no analysis).</summary>
public sealed record BenchmarkSettings(int Articles, int Streams, bool Fsync, bool IngestOnly = false)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings(10_000, 4, true);
        var i = 0;
        while (i < args.Length)
        {
            var option = args[i++];
            if (option == "--ingest-only")
            {
                settings = settings with { IngestOnly = true };
                continue;
            }
            var value = i < args.Length ? args[i++] : throw new ArgumentException($"Option {option} needs a value.");
            settings = option switch
            {
                "--articles" => settings with { Articles = int.Parse(value, CultureInfo.InvariantCulture) },
                "--streams" => settings with { Streams = int.Parse(value, CultureInfo.InvariantCulture) },
                "--fsync" => settings with { Fsync = value != "off" },
                _ => throw new ArgumentException($"Unknown option {option}; use --articles N, --streams N, --fsync on|off, --ingest-only."),
            };
        }
        return settings;
    }
}
