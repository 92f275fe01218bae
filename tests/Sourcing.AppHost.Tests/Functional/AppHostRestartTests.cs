using System.Diagnostics;
using System.Text.RegularExpressions;
using Sourcing.LocalPostgres.Processes;
using Sourcing.Testing;

namespace Sourcing.AppHost.Tests.Functional;

public sealed partial class AppHostRestartTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };

    [Fact]
    public async Task Run_ServiceKilledWhileRunning_RestartedAndCountedInTheTableAndTheDashboard()
    {
        // Arrange
        await using var appHost = AppHostProcess.Start();
        await appHost.WaitHealthyAsync(StartTimeout);
        var analysis = ProcessTable.Descendants(appHost.Id).Single(pid => ProcessTable.CommandLine(pid).Contains("Sourcing.Analysis.dll", StringComparison.Ordinal));

        // Act
        Process.GetProcessById(analysis).Kill();
        await appHost.WaitForLineAsync(line => line.Contains("analysis: Restarting (exited with code 137; restart 1", StringComparison.Ordinal), Timeout, "the restart");
        await appHost.WaitForLineAsync(line => line.StartsWith("| analysis ", StringComparison.Ordinal) && line.Contains("| Healthy ") && line.EndsWith("| 1        |"),
            Timeout, "analysis healthy again with one restart");
        var dashboard = await Eventually.Until(() => Http.GetStringAsync(appHost.DashboardUrl + "/"), page => AnalysisRow().IsMatch(page), Timeout, "the dashboard's analysis row");

        // Assert
        var row = appHost.OutputLines.Last(line => line.StartsWith("| analysis ", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        int.Parse(row[5]).ShouldNotBe(analysis);
        ProcessTable.IsAlive(int.Parse(row[5])).ShouldBeTrue();
        var match = AnalysisRow().Match(dashboard);
        (match.Groups["state"].Value, match.Groups["restarts"].Value).ShouldBe(("Healthy", "1"));
        appHost.Output.ShouldContain("analysis exited unexpectedly; its last log lines:");
    }

    [GeneratedRegex(@"<tr><td>analysis</td><td>[^<]*</td><td[^>]*>(?<state>\w+)</td>.*?<td>(?<restarts>\d+)</td></tr>")]
    private static partial Regex AnalysisRow();
}
