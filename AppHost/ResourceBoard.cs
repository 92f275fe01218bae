using Spectre.Console;

namespace Sourcing.AppHost;

/// <summary>The resources the AppHost runs, their state changes as log lines, and a table of them all.</summary>
public sealed class ResourceBoard(ConsoleLog log)
{
    private readonly List<Resource> _resources = [];

    public Resource Add(string name, string type, string endpoint, string health = "-")
    {
        var resource = new Resource(name, type, endpoint, health);
        lock (_resources)
        {
            _resources.Add(resource);
        }

        return resource;
    }

    /// <summary>A copy of the list, for the dashboard.</summary>
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
    }

    /// <summary>Prints every resource with its type, state, endpoint and pid.</summary>
    public void Print()
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Resource").AddColumn("Type").AddColumn("State").AddColumn("Endpoint").AddColumn("Health").AddColumn("PID");
        lock (_resources)
        {
            foreach (var resource in _resources)
            {
                table.AddRow(
                    Markup.Escape(resource.Name),
                    Markup.Escape(resource.Type),
                    StateMarkup(resource.State),
                    Markup.Escape(resource.Endpoint),
                    Markup.Escape(resource.Health),
                    resource.ProcessId?.ToString() ?? "-");
            }
        }

        log.Block(() =>
        {
            if (Console.IsOutputRedirected)
            {
                // Not a terminal: no width to fit, so do not wrap endpoints at the default 80 columns.
                AnsiConsole.Profile.Width = 160;
            }

            AnsiConsole.Write(table);
        });
    }

    private static string StateMarkup(ResourceState state) => state switch
    {
        ResourceState.Healthy or ResourceState.Running or ResourceState.Finished => $"[green]{state}[/]",
        ResourceState.Failed => $"[red]{state}[/]",
        _ => state.ToString(),
    };
}
