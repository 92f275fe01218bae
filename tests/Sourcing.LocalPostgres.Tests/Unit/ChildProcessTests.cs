using Sourcing.LocalPostgres.Processes;

namespace Sourcing.LocalPostgres.Tests.Unit;

public sealed class ChildProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task RunAsync_CommandSucceeds_ReturnsItsOutput()
    {
        var output = await ChildProcess.RunAsync(
            new ChildProcessStartInfo { FileName = "/bin/sh", Arguments = ["-c", "echo one; echo two >&2"] }, Timeout);

        output.ShouldContain("one");
        output.ShouldContain("two");
    }

    [Fact]
    public async Task RunAsync_CommandFails_ThrowsWithExitCodeAndOutput()
    {
        var exception = await Should.ThrowAsync<InvalidOperationException>(() => ChildProcess.RunAsync(
            new ChildProcessStartInfo { FileName = "/bin/sh", Arguments = ["-c", "echo broken >&2; exit 3"] }, Timeout));

        exception.Message.ShouldContain("code 3");
        exception.Message.ShouldContain("broken");
    }

    [Fact]
    public async Task RunAsync_ManyShortChildrenAtOnce_EveryExitIsReported()
    {
        // The Exited event and the end-of-stream callbacks race on different threads; a lock around them once
        // deadlocked against Process's own lock. Many short children at once make that race likely.
        var runs = Enumerable.Range(0, 40).Select(i => ChildProcess.RunAsync(
            new ChildProcessStartInfo { FileName = "/bin/sh", Arguments = ["-c", $"echo {i}"] }, Timeout));

        var outputs = await Task.WhenAll(runs).WaitAsync(Timeout);

        outputs.Select(output => output.Trim()).ShouldBe(Enumerable.Range(0, 40).Select(i => i.ToString()));
    }

    [Fact]
    public void Start_ProgramMissing_ThrowsNamingIt()
    {
        var exception = Should.Throw<InvalidOperationException>(() => ChildProcess.Start(
            new ChildProcessStartInfo { FileName = "/nonexistent/program", OwnSession = false, DieWithOwner = false }));

        exception.Message.ShouldContain("/nonexistent/program");
    }

    [Fact]
    public async Task StopAsync_ChildIgnoresSignal_KillsItAfterTimeout()
    {
        // Arrange
        using var child = ChildProcess.Start(new ChildProcessStartInfo
        {
            FileName = "/bin/sh",
            Arguments = ["-c", "trap '' TERM; echo ready; sleep 30"],
        });
        await WaitForLineAsync(child, "ready");

        // Act
        var stoppedByItself = await child.StopAsync(ProcessSignal.Terminate, TimeSpan.FromMilliseconds(300));

        // Assert
        stoppedByItself.ShouldBeFalse();
        child.HasExited.ShouldBeTrue();
        ProcessTable.IsAlive(child.Id).ShouldBeFalse();
    }

    [Fact]
    public async Task Start_OwnSession_ChildLeadsItsOwnSession()
    {
        // Arrange
        using var child = ChildProcess.Start(new ChildProcessStartInfo { FileName = "/bin/sleep", Arguments = ["30"] });

        await WaitForExecAsync(child, "/bin/sleep 30");

        // Act
        var stat = await File.ReadAllTextAsync($"/proc/{child.Id}/stat");
        await child.StopAsync(ProcessSignal.Terminate, Timeout);

        // Assert: field 6 of /proc/pid/stat is the session id.
        var sessionId = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[3]);
        sessionId.ShouldBe(child.Id);
    }

    [Fact]
    public async Task Start_WrappedInSetprivAndSetsid_IdIsTheProgramsOwnPid()
    {
        // Arrange
        using var child = ChildProcess.Start(new ChildProcessStartInfo { FileName = "/bin/sleep", Arguments = ["30"] });

        // Act: setpriv and setsid exec in place, so the pid ends up running the program itself.
        await WaitForExecAsync(child, "/bin/sleep 30");
        await child.StopAsync(ProcessSignal.Terminate, Timeout);

        // Assert
        ProcessTable.IsAlive(child.Id).ShouldBeFalse();
    }

    private static async Task WaitForExecAsync(ChildProcess child, string commandLine)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (ProcessTable.CommandLine(child.Id) != commandLine)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"pid {child.Id} never ran '{commandLine}'");
            await Task.Delay(10);
        }
    }

    private static async Task WaitForLineAsync(ChildProcess child, string text)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!child.TailLines(10).Contains(text))
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"'{text}' not written");
            await Task.Delay(20);
        }
    }
}
