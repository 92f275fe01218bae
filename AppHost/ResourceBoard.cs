namespace Sourcing.AppHost;

/// <summary>
/// The resources the AppHost runs and their state. Each change is a log line; on a terminal the table of resources
/// then stays live below the scrolling logs (redrawn on each change, and every second for the status line), and
/// when output is redirected the table is printed as plain text after each change.
/// </summary>
public sealed class ResourceBoard(ConsoleLog log, string statusHint = "")
{
    private const int RedirectedWidth = 200;

    private readonly List<Resource> _resources = [];
    private readonly Lock _liveGate = new();
    private readonly DateTime _started = DateTime.UtcNow;
    private Timer? _ticker;

    public Resource Add(string name, string type, string endpoint, string health = "-")
    {
        var resource = new Resource(name, type, endpoint, health);
        lock (_resources)
        {
            _resources.Add(resource);
        }

        return resource;
    }

    /// <summary>A copy of the list, for the dashboard and the table.</summary>
    public IReadOnlyList<Resource> Snapshot()
    {
        lock (_resources)
        {
            return [.. _resources];
        }
    }

    public void Set(Resource resource, ResourceState state, string? detail = null)
    {
        resource.State = state;
        var text = $"{resource.Name}: {state}{(detail is null ? string.Empty : " (" + detail + ")")}";
        if (state == ResourceState.Failed)
        {
            log.Error(text);
        }
        else
        {
            log.Info(text);
        }

        if (log.IsTerminal)
        {
            RedrawLive();
        }
        else
        {
            log.Block(ResourceTable.Render(Snapshot(), RedirectedWidth, terminal: false));
        }
    }

    /// <summary>On a terminal, keeps the table below the logs until <see cref="StopLive"/>.</summary>
    public void StartLive()
    {
        if (!log.IsTerminal)
        {
            return;
        }

        lock (_liveGate)
        {
            _ticker ??= new Timer(_ => RedrawLive(), null, TimeSpan.Zero, TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>Draws the table a last time and leaves it on the screen as ordinary output.</summary>
    public void StopLive()
    {
        lock (_liveGate)
        {
            if (_ticker is null)
            {
                return;
            }

            _ticker.Dispose();
            log.SetFooter(LiveFooter());
            log.ReleaseFooter();
            _ticker = null;
        }
    }

    private void RedrawLive()
    {
        lock (_liveGate)
        {
            if (_ticker is not null)
            {
                log.SetFooter(LiveFooter());
            }
        }
    }

    // A table taller than the terminal cannot be erased by moving the cursor up; then only the status line stays.
    private string LiveFooter()
    {
        var (width, height) = TerminalSize();
        var resources = Snapshot();
        var healthy = resources.Count(r => r.State is ResourceState.Healthy or ResourceState.Running or ResourceState.Finished);
        var status = $"up {DateTime.UtcNow - _started:hh\\:mm\\:ss}, {healthy}/{resources.Count} resources up or done, " +
                     $"{resources.Sum(r => r.Restarts)} restarts, {resources.Count(r => r.State == ResourceState.Failed)} failed{statusHint}";
        status = status.Length < width ? status : status[..(width - 1)];
        var table = ResourceTable.Render(resources, width - 1, terminal: true, log.UsesColour);
        return table.Count(c => c == '\n') + 3 < height ? table + status + "\n" : status + "\n";
    }

    private static (int Width, int Height) TerminalSize()
    {
        try
        {
            return (Math.Max(Console.WindowWidth, 40), Math.Max(Console.WindowHeight, 5));
        }
        catch (IOException)
        {
            return (120, 40);
        }
    }
}
