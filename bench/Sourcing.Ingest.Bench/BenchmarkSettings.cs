using System.Globalization;

namespace Sourcing.Ingest.Bench;

/// <summary>Command line: <c>--articles N</c> (10000), <c>--streams N</c> (4), <c>--fsync on|off</c> (on), <c>--ingest-only</c> (no dispatch, no analysis).</summary>
public sealed record BenchmarkSettings(int Articles, int Streams, bool Fsync, bool IngestOnly = false)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings(10_000, 4, true);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (args[i] == "--ingest-only")
            {
                settings = settings with { IngestOnly = true };
                i--;
                continue;
            }
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"Option {args[i]} needs a value.");
            }
            settings = args[i] switch
            {
                "--articles" => settings with { Articles = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--streams" => settings with { Streams = int.Parse(args[i + 1], CultureInfo.InvariantCulture) },
                "--fsync" => settings with { Fsync = args[i + 1] != "off" },
                _ => throw new ArgumentException($"Unknown option {args[i]}; use --articles N, --streams N, --fsync on|off, --ingest-only."),
            };
        }
        return settings;
    }
}
