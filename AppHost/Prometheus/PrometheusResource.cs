using Sourcing.LocalPostgres;
using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost.Prometheus;

/// <summary>
/// Where <c>prometheus</c> is on PATH: starts it, once the services are healthy, with a generated configuration that
/// scrapes each service process through the AppHost's <c>/metrics/&lt;resource&gt;</c>; its data stays in
/// <c>&lt;data folder&gt;/../prometheus</c>. It is an extra: if it cannot start, it is shown failed and the rest runs on.
/// </summary>
public sealed class PrometheusResource(AppHostOptions options, ResourceBoard board, ConsoleLog log) : IAsyncDisposable
{
    public const string Name = "prometheus";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int FailureTailLines = 20;

    private Resource? _resource;
    private ChildProcess? _child;
    private volatile bool _stopping;

    /// <summary>Completes if it exits while nobody asked it to, after reporting it as failed.</summary>
    public Task UnexpectedExit { get; private set; } = new TaskCompletionSource().Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (ExecutableSearch.OnPath("prometheus") is not { } executable)
        {
            log.Info($"prometheus is not on PATH: not started (each service's metrics are still at {options.DashboardUrl}/metrics/<resource>).");
            return;
        }

        var url = $"http://127.0.0.1:{options.PrometheusPort}";
        _resource = board.Add(Name, "Prometheus", url, url + "/-/ready");
        if (FreePort.IsInUse(options.PrometheusPort))
        {
            board.Set(_resource, ResourceState.Failed, $"port {options.PrometheusPort} is in use; choose another with --prometheus-port");
            return;
        }

        Directory.CreateDirectory(options.PrometheusDirectory);
        var configFile = Path.Combine(options.PrometheusDirectory, "prometheus.yml");
        await File.WriteAllTextAsync(configFile,
            PrometheusConfig.Render($"127.0.0.1:{options.DashboardPort}", options.Services.Select(s => s.ResourceName)), cancellationToken);
        board.Set(_resource, ResourceState.Starting, configFile);
        _child = ChildProcess.Start(
            new ChildProcessStartInfo
            {
                FileName = executable,
                Arguments =
                [
                    $"--config.file={configFile}", $"--storage.tsdb.path={Path.Combine(options.PrometheusDirectory, "data")}",
                    $"--web.listen-address=127.0.0.1:{options.PrometheusPort}",
                ],
                WorkingDirectory = options.PrometheusDirectory,
            },
            line => log.Line(Name, line.Text, line.IsError));
        _resource.ProcessId = _child.Id;
        board.Set(_resource, ResourceState.Running, $"pid {_child.Id}");
        UnexpectedExit = WatchAsync(_child);
        if (await IsReadyAsync(url, _child, cancellationToken))
        {
            board.Set(_resource, ResourceState.Healthy, $"scraping {options.Services.Count} service process(es) every {PrometheusConfig.ScrapeInterval.TotalSeconds:0} s");
        }
        else if (!_child.HasExited)
        {
            board.Set(_resource, ResourceState.Failed, $"not ready within {ReadyTimeout.TotalSeconds:0} s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        if (_child is null || _resource is null || _child.HasExited)
        {
            return;
        }

        board.Set(_resource, ResourceState.Stopping);
        var graceful = await _child.StopAsync(ProcessSignal.Terminate, StopTimeout);
        board.Set(_resource, ResourceState.Stopped, graceful ? null : "killed after " + StopTimeout.TotalSeconds + " s");
    }

    private static async Task<bool> IsReadyAsync(string url, ChildProcess child, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + ReadyTimeout;
        while (!child.HasExited && DateTime.UtcNow < deadline)
        {
            try
            {
                using var response = await http.GetAsync(url + "/-/ready", cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet.
            }

            await Task.Delay(250, cancellationToken);
        }

        return false;
    }

    private async Task WatchAsync(ChildProcess child)
    {
        var exitCode = await child.Exited;
        if (_stopping)
        {
            await Task.Delay(Timeout.Infinite);
        }

        board.Set(_resource!, ResourceState.Failed, $"exited with code {exitCode}");
        log.Error($"{Name} exited unexpectedly; its last log lines:");
        foreach (var line in child.TailLines(FailureTailLines))
        {
            log.Line(Name, line, isError: true);
        }
    }
}
