using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Sourcing.Attribution;
using Sourcing.Cli.Input;

namespace Sourcing.Cli.Commands;

/// <summary>
/// <c>sourcing analyze FILE...</c>: runs the attribution engine in-process, with no server, and
/// writes one ANNOTATION.md JSONL line per article to standard output, in input order.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliIO io)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Articles to analyze: .txt files (id = file name, text = whole file), .jsonl files of {\"id\",\"text\"} lines, or - for JSONL on standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("analyze", "Find attributions offline and print them as JSONL (ANNOTATION.md format).");
        command.Arguments.Add(files);
        command.SetAction((result, cancellationToken) =>
            Task.FromResult(Run(result.GetValue(files)!, io, cancellationToken)));
        return command;
    }

    public static int Run(IReadOnlyList<string> paths, CliIO io, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var (articles, attributions, skipped) = (0, 0L, 0);
        // PLINQ keeps the input order while the engine runs on every core; inputs are read
        // lazily so a shell glob of thousands of files is never all in memory.
        var results = Inputs(paths, io.In)
            .AsParallel()
            .AsOrdered()
            .WithDegreeOfParallelism(Environment.ProcessorCount)
            .WithCancellation(cancellationToken)
            .Select(Analyze);
        foreach (var result in results)
        {
            if (result.Line is { } line)
            {
                io.Out.Write(line);
                io.Out.Write('\n');
                articles++;
                attributions += result.Attributions;
            }
            else
            {
                skipped++;
                io.Error.WriteLine($"{result.Origin}: {result.Error}");
            }
        }
        io.Out.Flush();

        var summary = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"analyzed {articles} {Plural(articles, "article")}, {attributions} {Plural(attributions, "attribution")} in {clock.Elapsed.TotalSeconds:0.0} s"));
        if (skipped > 0)
        {
            summary.Append(CultureInfo.InvariantCulture, $"; {skipped} {Plural(skipped, "input")} skipped");
        }
        io.Error.WriteLine(summary.ToString());
        return skipped == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    /// <summary>Every article the arguments name, in order; <c>-</c> reads JSONL from standard input.</summary>
    public static IEnumerable<ArticleInput> Inputs(IEnumerable<string> paths, TextReader standardInput)
    {
        foreach (var path in paths)
        {
            if (path == "-")
            {
                foreach (var input in JsonlArticles.Read(standardInput, "stdin"))
                {
                    yield return input;
                }
            }
            else if (Directory.Exists(path))
            {
                yield return new BadInput(path, "is a directory, not a file");
            }
            else if (!File.Exists(path))
            {
                yield return new BadInput(path, "file not found");
            }
            else if (path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase))
            {
                using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                foreach (var input in JsonlArticles.Read(reader, path))
                {
                    yield return input;
                }
            }
            else
            {
                yield return new TextFileInput(path);
            }
        }
    }

    private static AnalyzeResult Analyze(ArticleInput input)
    {
        try
        {
            return input switch
            {
                TextFileInput file => Annotate(file.Origin, file.Id, File.ReadAllText(file.Path, Encoding.UTF8)),
                JsonlArticleInput article => Annotate(article.Origin, article.Id, article.Text),
                BadInput bad => new AnalyzeResult(bad.Origin, null, 0, bad.Message),
                _ => throw new UnreachableException(),
            };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new AnalyzeResult(input.Origin, null, 0, $"cannot read: {e.Message}");
        }
    }

    private static AnalyzeResult Annotate(string origin, string id, string text)
    {
        var found = AttributionEngine.Default.Analyze(text);
        return new AnalyzeResult(origin, AnnotationJsonl.ToLine(id, text, found), found.Count, null);
    }

    private static string Plural(long count, string noun) => count == 1 ? noun : noun + "s";

    private sealed record AnalyzeResult(string Origin, string? Line, int Attributions, string? Error);
}
