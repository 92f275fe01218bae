namespace Sourcing.LocalPostgres;

/// <summary>Finds the PostgreSQL server programs (initdb, postgres) on this machine.</summary>
public sealed record PostgresBinaries(string Directory)
{
    /// <summary>The environment variable that names the bin folder explicitly.</summary>
    public const string BinEnvironmentVariable = "POSTGRES_BIN";

    private const string DebianRoot = "/usr/lib/postgresql";

    /// <summary>The initdb program.</summary>
    public string InitDb => Path.Combine(Directory, "initdb");

    /// <summary>The postgres server program.</summary>
    public string Postgres => Path.Combine(Directory, "postgres");

    /// <summary>
    /// <c>POSTGRES_BIN</c> if set, else the newest <c>/usr/lib/postgresql/*/bin</c> that holds initdb and postgres.
    /// </summary>
    /// <exception cref="InvalidOperationException">No server binaries were found.</exception>
    public static PostgresBinaries Locate()
    {
        var explicitBin = Environment.GetEnvironmentVariable(BinEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(explicitBin))
        {
            return HasServer(explicitBin)
                ? new PostgresBinaries(explicitBin)
                : throw new InvalidOperationException(
                    $"{BinEnvironmentVariable}={explicitBin} does not hold both initdb and postgres.");
        }

        var newest = FindUnder(DebianRoot);
        return newest is not null
            ? new PostgresBinaries(newest)
            : throw new InvalidOperationException(
                $"PostgreSQL server binaries not found; install postgresql (apt-get install postgresql) or set {BinEnvironmentVariable}.");
    }

    /// <summary>The bin folder of the newest major version under <paramref name="root"/>, or null.</summary>
    internal static string? FindUnder(string root)
    {
        if (!System.IO.Directory.Exists(root))
        {
            return null;
        }

        return System.IO.Directory.GetDirectories(root)
            .Select(versionDirectory => (Version: ParseVersion(Path.GetFileName(versionDirectory)), Bin: Path.Combine(versionDirectory, "bin")))
            .Where(candidate => candidate.Version is not null && HasServer(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private static bool HasServer(string bin) =>
        File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres"));

    private static Version? ParseVersion(string name) =>
        Version.TryParse(name.Contains('.') ? name : name + ".0", out var version) ? version : null;
}
