using Spectre.Console;

namespace Sourcing.AppHost;

/// <summary>The resources as a table (name, type, state, endpoint, pid, health check, restarts), rendered to text by Spectre.Console.</summary>
public static class ResourceTable
{
    /// <param name="terminal">Box-drawing borders and colours where <paramref name="colour"/>; otherwise plain ASCII text.</param>
    public static string Render(IReadOnlyList<Resource> resources, int width, bool terminal, bool colour = false)
    {
        var table = new Table().Border(terminal ? TableBorder.Rounded : TableBorder.Ascii)
            .AddColumns("Resource", "Type", "State", "Endpoint", "PID", "Health check", "Restarts");
        foreach (var resource in resources)
        {
            table.AddRow(
                Markup.Escape(resource.Name),
                Markup.Escape(resource.Type),
                StateMarkup(resource.State),
                Markup.Escape(resource.Endpoint),
                resource.ProcessId?.ToString() ?? "-",
                Markup.Escape(resource.Health),
                resource.Restarts.ToString());
        }

        var text = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = terminal && colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = terminal;
        console.Write(table);
        var rendered = text.ToString().ReplaceLineEndings("\n");
        return rendered.EndsWith('\n') ? rendered : rendered + "\n";
    }

    private static string StateMarkup(ResourceState state) => state switch
    {
        ResourceState.Healthy or ResourceState.Running or ResourceState.Finished => $"[green]{state}[/]",
        ResourceState.Failed => $"[red]{state}[/]",
        ResourceState.Restarting => $"[yellow]{state}[/]",
        _ => state.ToString(),
    };
}
