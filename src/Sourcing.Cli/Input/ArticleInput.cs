namespace Sourcing.Cli.Input;

/// <summary>One input of <c>sourcing analyze</c>, in input order: an article to analyze, or an input that could not be read.</summary>
internal abstract record ArticleInput(string Origin);

/// <summary>A text file; read when it is analyzed, so that thousands of files are never in memory at once.</summary>
internal sealed record TextFileInput(string Path) : ArticleInput(Path)
{
    /// <summary>The article id: the file name without its extension.</summary>
    public string Id => System.IO.Path.GetFileNameWithoutExtension(Path);
}

/// <summary>An article already in memory, from a JSONL line.</summary>
internal sealed record JsonlArticleInput(string Origin, string Id, string Text) : ArticleInput(Origin);

/// <summary>An input that could not be read: a missing file or a bad JSONL line.</summary>
internal sealed record BadInput(string Origin, string Message) : ArticleInput(Origin);
