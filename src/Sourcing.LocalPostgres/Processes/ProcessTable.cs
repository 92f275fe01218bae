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

    /// <summary>The ids of the live descendants of <paramref name="pid"/> (children, their children, ...).</summary>
    public static IReadOnlyList<int> Descendants(int pid)
    {
        var parents = Directory.EnumerateDirectories("/proc")
            .Select(path => int.TryParse(Path.GetFileName(path), out var id) ? id : 0)
            .Where(id => id > 0)
            .Select(id => (Id: id, Parent: ParentOf(id)))
            .Where(entry => entry.Parent > 0)
            .ToLookup(entry => entry.Parent, entry => entry.Id);
        var found = new List<int>();
        var pending = new Queue<int>([pid]);
        while (pending.TryDequeue(out var current))
        {
            foreach (var child in parents[current])
            {
                found.Add(child);
                pending.Enqueue(child);
            }
        }

        return found;
    }

    /// <summary>The parent process id, or 0 if the process is gone.</summary>
    public static int ParentOf(int pid)
    {
        try
        {
            // /proc/pid/stat: "pid (comm) state ppid ..."; comm may hold spaces and parentheses, so parse after the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return 0;
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
