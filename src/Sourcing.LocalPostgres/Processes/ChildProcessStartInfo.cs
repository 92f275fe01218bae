namespace Sourcing.LocalPostgres.Processes;

/// <summary>What to start as a child process and how it is tied to its owner.</summary>
public sealed record ChildProcessStartInfo
{
    /// <summary>The executable, a path or a name found on PATH.</summary>
    public required string FileName { get; init; }

    /// <summary>The arguments, each passed as is (no shell).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The working directory; defaults to "/" so that another OS user can always enter it.</summary>
    public string WorkingDirectory { get; init; } = "/";

    /// <summary>Variables set (a null value removes the variable) on top of this process's environment.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>
    /// The OS user to run as when this process is root (for example "postgres"); ignored otherwise,
    /// where the child runs as the current user.
    /// </summary>
    public string? RunAsUserWhenRoot { get; init; }

    /// <summary>
    /// Start the child in its own session, so that a Ctrl+C in the terminal reaches only the owner,
    /// which then stops its children in order.
    /// </summary>
    public bool OwnSession { get; init; } = true;

    /// <summary>Have the kernel kill the child (SIGKILL) if the owner dies without stopping it.</summary>
    public bool DieWithOwner { get; init; } = true;

    /// <summary>How many of the last output lines to keep for error reports.</summary>
    public int TailLineCount { get; init; } = 200;
}
