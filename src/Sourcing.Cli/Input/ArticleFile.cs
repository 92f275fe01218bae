namespace Sourcing.Cli.Input;

/// <summary>A plain-text article file as <c>sourcing ingest</c> reads it: the first line is the title, the rest the body.</summary>
internal sealed record ArticleFile(string Title, string Body)
{
    public static async Task<ArticleFile> ReadAsync(string path, CancellationToken cancellationToken) =>
        Parse(await File.ReadAllTextAsync(path, cancellationToken));

    /// <summary>
    /// Splits a text into its title (the first line, trimmed) and body (everything after it, with
    /// the blank lines between title and body removed; the body is otherwise kept as written).
    /// </summary>
    public static ArticleFile Parse(string text)
    {
        var newline = text.IndexOf('\n');
        if (newline < 0)
        {
            return new ArticleFile(text.Trim(), "");
        }
        var title = text[..newline].Trim();
        var body = text[(newline + 1)..];
        var start = 0;
        while (true)
        {
            var next = body.IndexOf('\n', start);
            if (next < 0 || !body.AsSpan(start, next - start).IsWhiteSpace())
            {
                break;
            }
            start = next + 1;
        }
        if (body.AsSpan(start).IsWhiteSpace())
        {
            return new ArticleFile(title, "");
        }
        return new ArticleFile(title, body[start..]);
    }
}
