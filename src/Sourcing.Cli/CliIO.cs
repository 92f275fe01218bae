using Spectre.Console;

namespace Sourcing.Cli;

/// <summary>
/// Where a command reads and writes. Commands never touch <see cref="System.Console"/> directly,
/// so tests can run them in-process and capture everything they print.
/// </summary>
/// <param name="Out">Raw standard output: JSON lines and JSON documents go here.</param>
/// <param name="Error">Standard error: messages, progress and summaries.</param>
/// <param name="In">Standard input, read by <c>analyze -</c>.</param>
/// <param name="Console">Renders tables onto standard output.</param>
internal sealed record CliIO(TextWriter Out, TextWriter Error, TextReader In, IAnsiConsole Console)
{
    /// <summary>The process's console; when output is redirected (a file, a pipe), tables get a wide page instead of 80 columns.</summary>
    public static CliIO FromConsole()
    {
        if (System.Console.IsOutputRedirected)
        {
            AnsiConsole.Console.Profile.Width = RedirectedWidth;
        }
        return new(System.Console.Out, System.Console.Error, System.Console.In, AnsiConsole.Console);
    }

    private const int RedirectedWidth = 200;

    /// <summary>An in-memory IO for tests: plain text, no colours, wide enough that tables do not wrap.</summary>
    public static CliIO ForWriters(TextWriter output, TextWriter error, TextReader? input = null, int width = 240)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(output),
        });
        console.Profile.Width = width;
        return new CliIO(output, error, input ?? TextReader.Null, console);
    }
}
