namespace Sourcing.LocalPostgres;

/// <summary>How to run a local, throwaway PostgreSQL server.</summary>
public sealed record LocalPostgresOptions
{
    /// <summary>
    /// A data folder kept across runs (initialized on first use, reused after). Null: a temporary folder
    /// that is deleted when the server stops. A server found still running on a persistent folder (left by an owner
    /// that was killed) is stopped first, so one folder must have one owner at a time: the AppHost holds a lock for that.
    /// </summary>
    public string? DataDirectory { get; init; }

    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>
    /// Whether the server flushes to disk. Off only for tests: a crash then loses data, which a temporary
    /// folder does not care about.
    /// </summary>
    public bool Fsync { get; init; } = true;

    /// <summary>The bin folder with initdb and postgres; null locates it (see <see cref="PostgresBinaries.Locate"/>).</summary>
    public string? BinDirectory { get; init; }

    /// <summary>Extra server settings, each passed as <c>-c name=value</c>.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>How long initdb plus start-up may take before it counts as failed.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a fast shutdown may take before the server is killed.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Receives the server's log lines (it logs to standard error); null drops them.</summary>
    public Action<string>? Log { get; init; }
}
