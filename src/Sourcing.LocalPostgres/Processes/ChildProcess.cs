using System.ComponentModel;
using System.Diagnostics;

namespace Sourcing.LocalPostgres.Processes;

/// <summary>
/// A child process started in the one place this solution starts processes: optionally as another OS user,
/// in its own session, and tied to its owner so that it dies if the owner dies.
/// </summary>
public sealed class ChildProcess : IDisposable
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const string SetSid = "/usr/bin/setsid";

    private readonly Process _process;
    private readonly Queue<string> _tail = new();
    private readonly int _tailLineCount;
    private readonly Action<OutputLine>? _onOutput;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _openStreams = 2;
    private int _processExited;

    private ChildProcess(ChildProcessStartInfo info, Action<OutputLine>? onOutput)
    {
        _tailLineCount = info.TailLineCount;
        _onOutput = onOutput;
        _process = new Process { StartInfo = BuildStartInfo(info), EnableRaisingEvents = true };
        _process.OutputDataReceived += (_, e) => OnLine(e.Data, isError: false);
        _process.ErrorDataReceived += (_, e) => OnLine(e.Data, isError: true);
        _process.Exited += (_, _) =>
        {
            Volatile.Write(ref _processExited, 1);
            TryCompleteExit();
        };
    }

    /// <summary>The child's process id (after setpriv and setsid have exec'd, the program's own pid).</summary>
    public int Id { get; private set; }

    /// <summary>True once the child has exited and its output has been read to the end.</summary>
    public bool HasExited => _exited.Task.IsCompleted;

    /// <summary>Completes with the exit code once the child has exited and its output is drained.</summary>
    public Task<int> Exited => _exited.Task;

    /// <summary>
    /// Starts a child. <paramref name="onOutput"/> receives each line of standard output and error
    /// (on a thread-pool thread); the last lines are also kept for <see cref="TailLines"/>.
    /// </summary>
    public static ChildProcess Start(ChildProcessStartInfo info, Action<OutputLine>? onOutput = null)
    {
        var child = new ChildProcess(info, onOutput);
        try
        {
            LauncherThread.Start(child._process);
        }
        catch (Win32Exception exception)
        {
            throw new InvalidOperationException($"Could not start '{info.FileName}': {exception.Message}", exception);
        }

        child.Id = child._process.Id;
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Runs a child to completion; throws with its output if it fails or exceeds the timeout.</summary>
    public static async Task<string> RunAsync(
        ChildProcessStartInfo info, TimeSpan timeout, Action<OutputLine>? onOutput = null, CancellationToken cancellationToken = default)
    {
        using var child = Start(info, onOutput);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            var exitCode = await child.Exited.WaitAsync(timeoutSource.Token).ConfigureAwait(false);
            if (exitCode != 0)
            {
                throw new InvalidOperationException(
                    $"'{Describe(info)}' exited with code {exitCode}:{Environment.NewLine}{child.TailText(40)}");
            }

            return child.TailText(info.TailLineCount);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            child.Kill();
            throw new TimeoutException(
                $"'{Describe(info)}' did not finish within {timeout.TotalSeconds:0} s:{Environment.NewLine}{child.TailText(40)}");
        }
        finally
        {
            if (!child.HasExited)
            {
                child.Kill();
            }
        }
    }

    /// <summary>The last <paramref name="count"/> lines the child wrote.</summary>
    public IReadOnlyList<string> TailLines(int count)
    {
        lock (_tail)
        {
            return _tail.Skip(Math.Max(0, _tail.Count - count)).ToArray();
        }
    }

    /// <summary>The last lines as one block of text.</summary>
    public string TailText(int count) => string.Join(Environment.NewLine, TailLines(count));

    /// <summary>Sends a signal; returns false if the child is already gone.</summary>
    public bool Signal(ProcessSignal signal) => !HasExited && NativeMethods.Kill(Id, (int)signal) == 0;

    /// <summary>
    /// Asks the child to stop with <paramref name="signal"/>, waits up to <paramref name="timeout"/>, then kills it
    /// and its descendants. Returns true if it stopped by itself.
    /// </summary>
    public async Task<bool> StopAsync(ProcessSignal signal, TimeSpan timeout)
    {
        if (HasExited)
        {
            return true;
        }

        Signal(signal);
        try
        {
            await _exited.Task.WaitAsync(timeout).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            Kill();
            await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
            return false;
        }
    }

    /// <summary>Synchronous <see cref="StopAsync"/> for process-exit handlers, where nothing may be awaited.</summary>
    public bool Stop(ProcessSignal signal, TimeSpan timeout) => StopAsync(signal, timeout).GetAwaiter().GetResult();

    /// <summary>Kills the child and all its descendants at once.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <inheritdoc />
    public void Dispose() => _process.Dispose();

    private static ProcessStartInfo BuildStartInfo(ChildProcessStartInfo info)
    {
        var startInfo = new ProcessStartInfo
        {
            WorkingDirectory = info.WorkingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        var command = new List<string>();
        var useSetPriv = OperatingSystem.IsLinux() && File.Exists(SetPriv);
        var runAs = CurrentUser.IsRoot ? info.RunAsUserWhenRoot : null;
        if (runAs is not null && !useSetPriv)
        {
            throw new InvalidOperationException($"Running as root needs {SetPriv} (util-linux) to start a child as '{runAs}'.");
        }

        if (useSetPriv && (runAs is not null || info.DieWithOwner))
        {
            command.Add(SetPriv);
            if (runAs is not null)
            {
                command.AddRange(["--reuid", runAs, "--regid", runAs, "--init-groups"]);
            }

            if (info.DieWithOwner)
            {
                command.AddRange(["--pdeathsig", "KILL"]);
            }

            command.Add("--");
        }

        if (info.OwnSession && File.Exists(SetSid))
        {
            // The child is never a process-group leader, so setsid execs in place instead of forking.
            command.AddRange([SetSid, "--"]);
        }

        command.Add(info.FileName);
        command.AddRange(info.Arguments);
        startInfo.FileName = command[0];
        foreach (var argument in command.Skip(1))
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in info.Environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    private static string Describe(ChildProcessStartInfo info) => string.Join(' ', [info.FileName, .. info.Arguments]);

    private void OnLine(string? text, bool isError)
    {
        if (text is null)
        {
            if (Interlocked.Decrement(ref _openStreams) == 0)
            {
                TryCompleteExit();
            }

            return;
        }

        lock (_tail)
        {
            _tail.Enqueue(text);
            while (_tail.Count > _tailLineCount)
            {
                _tail.Dequeue();
            }
        }

        _onOutput?.Invoke(new OutputLine(text, isError));
    }

    // Exit is reported only when the Exited event has fired and both streams hit end of file, so that the last
    // lines are in the tail when a caller reports a failure. These callbacks run on different threads. No lock is
    // taken here and HasExited is never called: Process raises Exited under its own lock, and HasExited may raise
    // it, so any lock of ours around either would deadlock against the other thread.
    private void TryCompleteExit()
    {
        if (Volatile.Read(ref _processExited) == 0 || Volatile.Read(ref _openStreams) != 0 || _exited.Task.IsCompleted)
        {
            return;
        }

        try
        {
            _exited.TrySetResult(_process.ExitCode);
        }
        catch (InvalidOperationException)
        {
            // Disposed by its owner meanwhile: nobody waits any more.
        }
    }
}
