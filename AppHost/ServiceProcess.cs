using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost;

/// <summary>
/// One running service process: started as <c>dotnet Sourcing.X.dll</c> and waited for until healthy. Once it has been
/// healthy, an unexpected exit restarts it (see <see cref="RestartPolicy"/>); an exit during start-up, or too many
/// crashes, leaves it failed with its last log lines.
/// </summary>
public sealed class ServiceProcess(AppHostOptions options, ServiceDefinition service, string connectionString, ResourceBoard board, ConsoleLog log)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int FailureTailLines = 20;

    private readonly Resource _resource = board.Add(service.ResourceName, "gRPC service", service.GrpcUrl, service.HealthUrl + "/health");
    private readonly RestartPolicy _restartPolicy = new();
    private readonly TaskCompletionSource _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _gate = new();
    private ChildProcess? _child;
    private volatile bool _wasHealthy;

    public ServiceDefinition Service => service;

    /// <summary>Completes once the service has failed for good (it exited during start-up, or crashed too often), after reporting it.</summary>
    public Task Failed => _failed.Task;

    public void Start()
    {
        var child = Launch() ?? throw new InvalidOperationException("Started after a stop.");
        _ = SuperviseAsync(child);
    }

    /// <summary>Waits until the service answers SERVING; throws if it exits or does not get there in time.</summary>
    public async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        var child = _child!;
        switch (await HealthyOrNotAsync(child, cancellationToken))
        {
            case HealthOutcome.Exited:
                await Failed.WaitAsync(cancellationToken);
                throw new AppHostException($"{service.ResourceName} exited during start-up (see its last log lines above).");
            case HealthOutcome.TimedOut:
                board.Set(_resource, ResourceState.Failed, "not healthy in time");
                throw new AppHostException($"{service.ResourceName} did not become healthy within {HealthTimeout.TotalSeconds:0} s on {service.GrpcUrl}.");
        }
    }

    /// <summary>SIGTERM (a graceful host stop), then a kill if it has not exited within the stop timeout.</summary>
    public async Task StopAsync()
    {
        ChildProcess? child;
        lock (_gate)
        {
            _stopping.Cancel();
            child = _child;
        }

        if (child is null || child.HasExited)
        {
            return;
        }

        board.Set(_resource, ResourceState.Stopping);
        var graceful = await child.StopAsync(ProcessSignal.Terminate, StopTimeout);
        board.Set(_resource, ResourceState.Stopped, graceful ? null : "killed after " + StopTimeout.TotalSeconds + " s");
    }

    /// <summary>Starts a process, unless the AppHost is stopping.</summary>
    private ChildProcess? Launch()
    {
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                return null;
            }

            board.Set(_resource, ResourceState.Starting);
            var instanceId = Guid.NewGuid().ToString();
            var child = ChildProcess.Start(
                new ChildProcessStartInfo
                {
                    FileName = DotnetHost.Path,
                    Arguments = [service.AssemblyPath(options.RepositoryRoot, options.Configuration)],
                    WorkingDirectory = service.ProjectDirectory(options.RepositoryRoot),
                    Environment = ServiceEnvironment.For(service, options.Services, connectionString, options.OtlpEndpoint, instanceId),
                },
                line => log.Line(service.ResourceName, line.Text, line.IsError));
            _child = child;
            _resource.ProcessId = child.Id;
            _resource.InstanceId = instanceId;
            board.Set(_resource, ResourceState.Running, $"pid {child.Id}");
            return child;
        }
    }

    private async Task SuperviseAsync(ChildProcess child)
    {
        try
        {
            while (true)
            {
                var exitCode = await child.Exited;
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                var delay = _wasHealthy ? _restartPolicy.OnCrash(DateTime.UtcNow) : null;
                ReportExit(child, exitCode, delay);
                if (delay is null)
                {
                    _failed.TrySetResult();
                    return;
                }

                await Task.Delay(delay.Value, _stopping.Token);
                _resource.Restarts++;
                if (Launch() is not { } next)
                {
                    return;
                }

                child = next;
                if (await HealthyOrNotAsync(child, _stopping.Token) == HealthOutcome.TimedOut)
                {
                    // Counts as a crash: the loop sees the exit and decides whether to try again.
                    log.Error($"{service.ResourceName} did not become healthy within {HealthTimeout.TotalSeconds:0} s after a restart; killing it.");
                    child.Kill();
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The AppHost is stopping; StopAsync stops whatever runs.
        }
    }

    private void ReportExit(ChildProcess child, int exitCode, TimeSpan? restartDelay)
    {
        var givingUp = _wasHealthy ? $"; {RestartPolicy.MaxCrashes} crashes within {RestartPolicy.Window.TotalMinutes:0} min, not restarting" : string.Empty;
        log.Error($"{service.ResourceName} exited unexpectedly{(restartDelay is null ? givingUp : string.Empty)}; its last log lines:");
        foreach (var line in child.TailLines(FailureTailLines))
        {
            log.Line(service.ResourceName, line, isError: true);
        }

        if (restartDelay is { } delay)
        {
            board.Set(_resource, ResourceState.Restarting, $"exited with code {exitCode}; restart {_resource.Restarts + 1} in {delay.TotalSeconds:0} s");
        }
        else
        {
            board.Set(_resource, ResourceState.Failed, $"exited with code {exitCode}{givingUp}");
        }
    }

    private async Task<HealthOutcome> HealthyOrNotAsync(ChildProcess child, CancellationToken cancellationToken)
    {
        using var probe = new HealthProbe(service);
        var deadline = DateTime.UtcNow + HealthTimeout;
        while (!await probe.IsHealthyAsync(cancellationToken))
        {
            if (child.HasExited)
            {
                return HealthOutcome.Exited;
            }

            if (DateTime.UtcNow > deadline)
            {
                return HealthOutcome.TimedOut;
            }

            await Task.Delay(200, cancellationToken);
        }

        _wasHealthy = true;
        board.Set(_resource, ResourceState.Healthy);
        return HealthOutcome.Healthy;
    }

    private enum HealthOutcome
    {
        Healthy,
        Exited,
        TimedOut,
    }
}
