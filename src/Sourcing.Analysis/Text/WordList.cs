using System.Collections.Frozen;

namespace Sourcing.Analysis.Text;

/// <summary>The word lists in <c>Resources/</c>, embedded in the assembly: one lowercase entry a line, <c>#</c> comments.</summary>
public static class WordList
{
    public static FrozenSet<string> Titles { get; } = Load("titles.txt");

    public static FrozenSet<string> Particles { get; } = Load("particles.txt");

    public static FrozenSet<string> Determiners { get; } = Load("determiners.txt");

    public static FrozenSet<string> StopWords { get; } = Load("stopwords.txt");

    private static FrozenSet<string> Load(string name)
    {
        using var stream = typeof(WordList).Assembly.GetManifestResourceStream($"Sourcing.Analysis.Resources.{name}")
            ?? throw new InvalidOperationException($"The word list {name} is not embedded.");
        using var reader = new StreamReader(stream);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && !word.StartsWith('#'))
            {
                words.Add(word);
            }
        }
        return words.ToFrozenSet(StringComparer.Ordinal);
    }
}
