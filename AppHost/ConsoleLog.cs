namespace Sourcing.AppHost;

/// <summary>
/// The AppHost's console: every line prefixed with the resource it came from (<c>[ingest] ...</c>), the prefix
/// coloured per resource when the console is a terminal. Lines from several threads never interleave.
/// </summary>
public sealed class ConsoleLog
{
    public const string AppHost = "apphost";

    private static readonly string[] Palette = ["\e[36m", "\e[32m", "\e[35m", "\e[33m", "\e[34m", "\e[96m", "\e[92m"];
    private const string Reset = "\e[0m";
    private const string Red = "\e[31m";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colours = new(StringComparer.Ordinal);
    private readonly bool _useColour = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    private int _width = AppHost.Length;

    /// <summary>Aligns every prefix to the longest of these resource names, known before the first line.</summary>
    public void Reserve(IEnumerable<string> resources)
    {
        lock (_gate)
        {
            _width = resources.Append(AppHost).Max(name => name.Length);
        }
    }

    /// <summary>Writes one line under a resource's prefix.</summary>
    public void Line(string resource, string text, bool isError = false)
    {
        lock (_gate)
        {
            _width = Math.Max(_width, resource.Length);
            var prefix = $"[{resource}]".PadRight(_width + 2);
            try
            {
                Console.Out.WriteLine(_useColour
                    ? $"{ColourOf(resource)}{prefix}{Reset} {(isError ? Red + text + Reset : text)}"
                    : $"{prefix} {text}");
            }
            catch (IOException)
            {
                // The reader of our output is gone (a pipe closed by the same Ctrl+C): keep stopping cleanly regardless.
            }
        }
    }

    /// <summary>An AppHost message.</summary>
    public void Info(string text) => Line(AppHost, text);

    /// <summary>An AppHost error.</summary>
    public void Error(string text) => Line(AppHost, text, isError: true);

    /// <summary>Writes a block (such as the resource table) without a prefix.</summary>
    public void Block(Action write)
    {
        lock (_gate)
        {
            write();
        }
    }

    private string ColourOf(string resource)
    {
        if (!_colours.TryGetValue(resource, out var colour))
        {
            colour = Palette[_colours.Count % Palette.Length];
            _colours[resource] = colour;
        }

        return colour;
    }
}
