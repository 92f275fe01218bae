using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost;

/// <summary>One running service: started as <c>dotnet Sourcing.X.dll</c>, watched for health and for an unexpected exit.</summary>
public sealed class ServiceProcess(AppHostOptions options, ServiceDefinition service, string connectionString, ResourceBoard board, ConsoleLog log)
{
    private static readonly TimeSpan HealthTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int FailureTailLines = 20;

    private readonly Resource _resource = board.Add(service.Name, "gRPC service", service.GrpcUrl, service.HealthUrl + "/health");
    private ChildProcess? _child;
    private volatile bool _stopping;

    public ServiceDefinition Service => service;

    /// <summary>Completes if the service exits while nobody asked it to, after reporting it as failed.</summary>
    public Task UnexpectedExit { get; private set; } = new TaskCompletionSource().Task;

    public void Start()
    {
        board.Set(_resource, ResourceState.Starting);
        var child = ChildProcess.Start(
            new ChildProcessStartInfo
            {
                FileName = DotnetHost.Path,
                Arguments = [service.AssemblyPath(options.RepositoryRoot, options.Configuration)],
                WorkingDirectory = service.ProjectDirectory(options.RepositoryRoot),
                Environment = ServiceEnvironment.For(service, options.Services, connectionString, options.OtlpEndpoint),
            },
            line => log.Line(service.Name, line.Text, line.IsError));
        _child = child;
        _resource.ProcessId = child.Id;
        board.Set(_resource, ResourceState.Running, $"pid {child.Id}");
        UnexpectedExit = WatchAsync(child);
    }

    /// <summary>Waits until the service answers SERVING; throws if it exits or does not get there in time.</summary>
    public async Task WaitHealthyAsync(CancellationToken cancellationToken)
    {
        using var probe = new HealthProbe(service);
        var deadline = DateTime.UtcNow + HealthTimeout;
        while (!await probe.IsHealthyAsync(cancellationToken))
        {
            if (UnexpectedExit.IsCompleted)
            {
                throw new AppHostException($"{service.Name} exited during start-up (see its last log lines above).");
            }

            if (DateTime.UtcNow > deadline)
            {
                board.Set(_resource, ResourceState.Failed, "not healthy in time");
                throw new AppHostException($"{service.Name} did not become healthy within {HealthTimeout.TotalSeconds:0} s on {service.GrpcUrl}.");
            }

            await Task.Delay(200, cancellationToken);
        }

        board.Set(_resource, ResourceState.Healthy);
    }

    /// <summary>SIGTERM (a graceful host stop), then a kill if it has not exited within the stop timeout.</summary>
    public async Task StopAsync()
    {
        _stopping = true;
        if (_child is null || _child.HasExited)
        {
            return;
        }

        board.Set(_resource, ResourceState.Stopping);
        var graceful = await _child.StopAsync(ProcessSignal.Terminate, StopTimeout);
        board.Set(_resource, ResourceState.Stopped, graceful ? null : "killed after " + StopTimeout.TotalSeconds + " s");
    }

    private async Task WatchAsync(ChildProcess child)
    {
        var exitCode = await child.Exited;
        if (_stopping)
        {
            await Task.Delay(Timeout.Infinite);
        }

        board.Set(_resource, ResourceState.Failed, $"exited with code {exitCode}");
        log.Error($"{service.Name} exited unexpectedly; its last log lines:");
        foreach (var line in child.TailLines(FailureTailLines))
        {
            log.Line(service.Name, line, isError: true);
        }
    }
}
