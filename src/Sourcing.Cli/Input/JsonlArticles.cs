using System.Text.Json;

namespace Sourcing.Cli.Input;

/// <summary>
/// Reads JSONL articles: one <c>{"id": "...", "text": "..."}</c> object a line. Blank lines are
/// skipped; other fields (such as a gold file's <c>attributions</c>) are ignored; a bad line
/// becomes a <see cref="BadInput"/> naming its file and line, and reading goes on.
/// </summary>
internal static class JsonlArticles
{
    public static IEnumerable<ArticleInput> Read(TextReader reader, string name)
    {
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            yield return ParseLine(line, $"{name}:{lineNumber}");
        }
    }

    public static ArticleInput ParseLine(string line, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new BadInput(origin, "expected a JSON object with \"id\" and \"text\"");
            }
            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } idText)
            {
                return new BadInput(origin, "\"id\" must be a non-empty string");
            }
            if (!root.TryGetProperty("text", out var text) || text.ValueKind != JsonValueKind.String)
            {
                return new BadInput(origin, "\"text\" must be a string");
            }
            return new JsonlArticleInput(origin, idText, text.GetString()!);
        }
        catch (JsonException e)
        {
            return new BadInput(origin, $"not valid JSON: {e.Message}");
        }
    }
}
