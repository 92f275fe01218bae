namespace Sourcing.Cli.Tests;

/// <summary>What one in-process run of the command line printed and returned.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>A run may hang only this long before the test fails.</summary>
    public static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    public static async Task<CliRun> RunAsync(
        string[] args,
        IReadOnlyDictionary<string, string>? environment = null,
        string? standardInput = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var io = CliIO.ForWriters(output, error, new StringReader(standardInput ?? ""));
        using var cancellation = new CancellationTokenSource(Limit);
        // Tests never see the machine's SOURCING_* variables, only the ones they pass.
        Func<string, string?> lookup = name => environment?.GetValueOrDefault(name);
        var exitCode = await SourcingCli.RunAsync(args, io, lookup, cancellation.Token).WaitAsync(Limit);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public string[] OutLines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
