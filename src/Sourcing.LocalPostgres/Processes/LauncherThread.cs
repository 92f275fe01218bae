using System.Collections.Concurrent;
using System.Diagnostics;

namespace Sourcing.LocalPostgres.Processes;

/// <summary>
/// Forks every child from one dedicated thread that lives as long as the process.
/// </summary>
/// <remarks>
/// PR_SET_PDEATHSIG (setpriv --pdeathsig) fires when the <em>thread</em> that forked the child exits,
/// not the process. A child forked from a thread-pool thread would be killed when that thread retires,
/// so all forks happen here.
/// </remarks>
internal static class LauncherThread
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static readonly BlockingCollection<(Process Process, TaskCompletionSource Started)> Queue = new();

    static LauncherThread()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "child-process-launcher" };
        thread.Start();
    }

    /// <summary>Starts an already configured process on the launcher thread and waits until it has forked.</summary>
    public static void Start(Process process)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((process, started));

        // A fork takes milliseconds; waiting bounded turns a stuck launcher into an error instead of a hang.
        if (!((IAsyncResult)started.Task).AsyncWaitHandle.WaitOne(StartTimeout))
        {
            throw new TimeoutException($"Starting '{process.StartInfo.FileName}' did not complete within {StartTimeout.TotalSeconds:0} s.");
        }

        started.Task.GetAwaiter().GetResult();
    }

    private static void Run()
    {
        foreach (var (process, started) in Queue.GetConsumingEnumerable())
        {
            try
            {
                process.Start();
                started.SetResult();
            }
            catch (Exception exception)
            {
                started.SetException(exception);
            }
        }
    }
}
