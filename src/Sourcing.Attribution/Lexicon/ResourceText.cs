using System.Reflection;

namespace Sourcing.Attribution.Lexicon;

/// <summary>Reads the embedded word lists: one entry a line, '#' starts a comment.</summary>
internal static class ResourceText
{
    public static IEnumerable<string> Lines(string name)
    {
        var assembly = typeof(ResourceText).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Sourcing.Attribution.Data.{name}")
            ?? throw new InvalidOperationException($"Missing embedded word list {name}.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var hash = line.IndexOf('#');
            var text = (hash >= 0 ? line[..hash] : line).Trim();
            if (text.Length > 0)
            {
                lines.Add(text);
            }
        }
        return lines;
    }

    public static Assembly Assembly => typeof(ResourceText).Assembly;
}
