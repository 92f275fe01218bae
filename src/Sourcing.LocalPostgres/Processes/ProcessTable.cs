namespace Sourcing.LocalPostgres.Processes;

/// <summary>Reads the Linux process table under /proc.</summary>
public static class ProcessTable
{
    /// <summary>True if a process with this id exists (and is not a zombie).</summary>
    public static bool IsAlive(int pid)
    {
        var status = $"/proc/{pid}/status";
        try
        {
            return File.Exists(status) && !File.ReadLines(status).Any(line => line.StartsWith("State:", StringComparison.Ordinal) && line.Contains("zombie", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The command line of a process, arguments joined by spaces; empty if it is gone.</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }

    /// <summary>The ids of live processes whose command line contains <paramref name="fragment"/>.</summary>
    public static IReadOnlyList<int> FindByCommandLine(string fragment) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Select(name => int.TryParse(name, out var pid) ? pid : 0)
            .Where(pid => pid > 0 && pid != Environment.ProcessId)
            .Where(pid => CommandLine(pid).Contains(fragment, StringComparison.Ordinal) && IsAlive(pid))
            .ToArray();
}
