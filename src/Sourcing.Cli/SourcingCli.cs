using System.CommandLine;
using Sourcing.Cli.Commands;

namespace Sourcing.Cli;

/// <summary>The <c>sourcing</c> command line: its commands, and how a command line is run.</summary>
internal static class SourcingCli
{
    public static RootCommand Build(CliIO io, Func<string, string?>? environment = null)
    {
        var globals = new GlobalOptions(environment ?? Environment.GetEnvironmentVariable);
        var root = new RootCommand("Sourcing: find who said what in news articles, offline or through the Sourcing services.");
        globals.AddTo(root);
        root.Subcommands.Add(StatusCommand.Create(globals, io));
        root.Subcommands.Add(IngestCommand.Create(globals, io));
        root.Subcommands.Add(ArticleCommand.Create(globals, io));
        root.Subcommands.Add(AnalyzeCommand.Create(io));
        root.Subcommands.Add(ArticlesCommand.Create(globals, io));
        root.Subcommands.Add(SummaryCommand.Create(globals, io));
        root.Subcommands.Add(ExportCommand.Create(globals, io));
        root.Subcommands.Add(StoryCommand.Create(globals, io));
        root.Subcommands.Add(SpeakerCommand.Create(globals, io));
        root.Subcommands.Add(KeysCommand.Create(io));
        return root;
    }

    public static async Task<int> RunAsync(
        string[] args,
        CliIO io,
        Func<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var parsed = Build(io, environment).Parse(args);
        if (parsed.Errors.Count > 0)
        {
            return await UsageErrorAsync(io, parsed.Errors.Select(e => e.Message));
        }
        var configuration = new InvocationConfiguration
        {
            Output = io.Out,
            Error = io.Error,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parsed.InvokeAsync(configuration, cancellationToken);
        }
        catch (UsageException e)
        {
            return await UsageErrorAsync(io, [e.Message]);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await io.Error.WriteLineAsync("cancelled");
            return ExitCodes.Failure;
        }
    }

    private static async Task<int> UsageErrorAsync(CliIO io, IEnumerable<string> messages)
    {
        foreach (var message in messages)
        {
            await io.Error.WriteLineAsync($"error: {message}");
        }
        await io.Error.WriteLineAsync("Run 'sourcing --help' for usage.");
        return ExitCodes.Usage;
    }
}
