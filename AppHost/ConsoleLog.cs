namespace Sourcing.AppHost;

/// <summary>
/// The AppHost's console: every line prefixed with the resource it came from (<c>[ingest] ...</c>), the prefix
/// coloured per resource when the console is a terminal, and each resource's lines also in its own file once
/// <see cref="WriteFilesTo"/> names a folder. Lines from several threads never interleave. On a terminal, a footer (the live
/// resource table) can stay below the scrolling lines: each line erases it, is written, and draws it again.
/// </summary>
public sealed class ConsoleLog(TextWriter output, bool isTerminal) : IDisposable
{
    public const string AppHost = "apphost";

    private static readonly string[] Palette = ["\e[36m", "\e[32m", "\e[35m", "\e[33m", "\e[34m", "\e[96m", "\e[92m"];
    private const string Reset = "\e[0m";
    private const string Red = "\e[31m";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _colours = new(StringComparer.Ordinal);
    private readonly bool _useColour = isTerminal && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    private readonly Dictionary<string, StreamWriter> _files = new(StringComparer.Ordinal);
    private string? _fileDirectory;
    private int _width = AppHost.Length;
    private string _footer = string.Empty;
    private int _footerLines;

    /// <summary>The process's console; a terminal unless standard output is redirected.</summary>
    public ConsoleLog()
        : this(Console.Out, !Console.IsOutputRedirected)
    {
    }

    /// <summary>Whether output goes to an interactive terminal (colours, the live footer).</summary>
    public bool IsTerminal => isTerminal;

    /// <summary>Whether colours are used (a terminal, and no <c>NO_COLOR</c>).</summary>
    public bool UsesColour => _useColour;

    /// <summary>From now on, also appends each resource's lines to <c>&lt;directory&gt;/&lt;resource&gt;.log</c>.</summary>
    public void WriteFilesTo(string directory)
    {
        Directory.CreateDirectory(directory);
        lock (_gate)
        {
            _fileDirectory = directory;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var file in _files.Values)
            {
                file.Dispose();
            }

            _files.Clear();
            _fileDirectory = null;
        }
    }

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
            FileOf(resource)?.WriteLine($"{DateTime.Now:yyyy-MM-dd HH:mm:ss.fff} {(isError ? "ERR" : "OUT")} {text}");
            Write(_useColour
                ? $"{ColourOf(resource)}{prefix}{Reset} {(isError ? Red + text + Reset : text)}\n"
                : $"{prefix} {text}\n");
        }
    }

    /// <summary>
    /// On a terminal, replaces the footer kept below the lines (text ending in a new line; empty for none). Its lines
    /// must fit the terminal's width, or erasing it would leave wrapped parts behind.
    /// </summary>
    public void SetFooter(string footer)
    {
        lock (_gate)
        {
            _footer = isTerminal ? footer : string.Empty;
            Write(string.Empty);
        }
    }

    /// <summary>Leaves the footer where it is, as ordinary output, and draws it no more.</summary>
    public void ReleaseFooter()
    {
        lock (_gate)
        {
            _footer = string.Empty;
            _footerLines = 0;
        }
    }

    /// <summary>An AppHost message.</summary>
    public void Info(string text) => Line(AppHost, text);

    /// <summary>An AppHost error.</summary>
    public void Error(string text) => Line(AppHost, text, isError: true);

    /// <summary>Writes a block of text (such as the resource table) without a prefix.</summary>
    public void Block(string text)
    {
        lock (_gate)
        {
            Write(text);
        }
    }

    // One write per call: erase the footer (cursor up over it, clear to the end of the screen), the text, the footer again.
    private void Write(string text)
    {
        var erase = _footerLines > 0 ? $"\e[{_footerLines}A\r\e[J" : string.Empty;
        _footerLines = _footer.Count(c => c == '\n');
        try
        {
            output.Write(erase + text + _footer);
            output.Flush();
        }
        catch (IOException)
        {
            // The reader of our output is gone (a pipe closed by the same Ctrl+C): keep stopping cleanly regardless.
        }
    }

    private StreamWriter? FileOf(string resource)
    {
        if (_fileDirectory is null)
        {
            return null;
        }

        if (!_files.TryGetValue(resource, out var file))
        {
            file = new StreamWriter(Path.Combine(_fileDirectory, resource + ".log"), append: true) { AutoFlush = true };
            _files[resource] = file;
        }

        return file;
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
