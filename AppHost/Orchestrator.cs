using Sourcing.AppHost.Prometheus;
using Sourcing.AppHost.Telemetry;

namespace Sourcing.AppHost;

/// <summary>
/// Runs everything in dependency order (PostgreSQL, migrations, analysis, ingest, query), reports state, and stops it
/// all in reverse order on a signal, leaving no process behind.
/// </summary>
public sealed class Orchestrator(AppHostOptions options, ConsoleLog log)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        using var signals = new ShutdownSignals(log);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(signals.Requested, cancellationToken);
        var board = new ResourceBoard(log, $"; dashboard {options.DashboardUrl}; Ctrl+C stops");
        log.Reserve(options.Services.SelectMany(s => new[] { s.ResourceName, MigrationStep.ResourceName(s) }).Append(PostgresResource.Name).Append(PrometheusResource.Name));
        var services = new List<ServiceProcess>();
        var postgres = new PostgresResource(options, board, log);
        var prometheus = new PrometheusResource(options, board, log);
        InstanceLock? instanceLock = null;
        TelemetryServer? telemetry = null;
        var exitCode = 0;
        try
        {
            board.StartLive();
            instanceLock = options.ConnectionString is null ? InstanceLock.Acquire(options.DataDirectory) : null;
            PortCheck.EnsureFree(options.Services);
            EnsureBuilt();
            log.WriteFilesTo(options.LogDirectory);
            log.Info($"Logs per resource: {options.LogDirectory}/<resource>.log");
            telemetry = await TelemetryServer.StartAsync(options.OtlpPort, options.DashboardPort, board.Snapshot, stop.Token);
            log.Info($"Dashboard: {options.DashboardUrl}  (OTLP/gRPC receiver on {options.OtlpEndpoint}{OtlpNote()})");
            await postgres.StartAsync(stop.Token);
            foreach (var service in options.Services.DistinctBy(s => s.Name).OrderBy(MigrationOrder))
            {
                await MigrationStep.RunAsync(options, service, postgres.ConnectionString, board, log, stop.Token);
            }

            // A service's replicas start together; the next service starts once they are all healthy.
            foreach (var replicas in options.Services.GroupBy(s => s.Name))
            {
                var started = replicas.Select(definition => new ServiceProcess(options, definition, postgres.ConnectionString, board, log)).ToList();
                services.AddRange(started);
                started.ForEach(service => service.Start());
                await Task.WhenAll(started.Select(service => service.WaitHealthyAsync(stop.Token)));
            }

            log.Info($"Sourcing is healthy: {string.Join(", ", options.Services.Select(s => $"{s.ResourceName} {s.GrpcUrl}"))}. Press Ctrl+C to stop.");
            await prometheus.StartAsync(stop.Token);
            if (options.Seed)
            {
                await SampleSeeder.SeedAsync(options.RepositoryRoot, options.Services.First(s => s.Name == "ingest").GrpcUrl, log, stop.Token);
            }
            exitCode = await WatchUntilStoppedAsync([postgres.UnexpectedExit, prometheus.UnexpectedExit, .. services.Select(s => s.Failed)], stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            log.Info("Start-up interrupted.");
        }
        catch (AppHostException exception)
        {
            log.Error(exception.Message);
            exitCode = 1;
        }
        finally
        {
            await prometheus.DisposeAsync();
            for (var i = services.Count - 1; i >= 0; i--)
            {
                await services[i].StopAsync();
            }

            await postgres.DisposeAsync();
            if (telemetry is not null)
            {
                await telemetry.DisposeAsync();
            }

            instanceLock?.Dispose();
            board.StopLive();
            log.Info(exitCode == 0 ? "Everything the AppHost started has stopped." : "Stopped, with failures (see above).");
        }

        return exitCode;
    }

    private static string OtlpNote() =>
        Environment.GetEnvironmentVariable(ServiceEnvironment.OtlpEndpointVariable) is { Length: > 0 } endpoint
            ? $"; the services send to your {ServiceEnvironment.OtlpEndpointVariable}={endpoint} instead"
            : string.Empty;

    // Ingest owns the articles the other schemas refer to, so its schema goes first.
    private static int MigrationOrder(ServiceDefinition service) => service.Name switch
    {
        "ingest" => 0,
        "analysis" => 1,
        _ => 2,
    };

    private static async Task<int> WatchUntilStoppedAsync(List<Task> watched, CancellationToken stop)
    {
        var failures = 0;
        var stopped = Task.Delay(Timeout.Infinite, stop);
        while (true)
        {
            var finished = await Task.WhenAny(watched.Append(stopped));
            if (finished == stopped)
            {
                return failures == 0 ? 0 : 1;
            }

            // A resource failed for good after start-up: it was reported with its last log lines; the rest keep running.
            watched.Remove(finished);
            failures++;
        }
    }

    private void EnsureBuilt()
    {
        var missing = options.Services
            .Select(service => service.AssemblyPath(options.RepositoryRoot, options.Configuration))
            .Where(path => !File.Exists(path))
            .ToList();
        if (missing.Count > 0)
        {
            throw new AppHostException(
                $"Not built: {string.Join(", ", missing)}. Run the AppHost with 'dotnet run --project AppHost' (it builds the services), " +
                $"or 'dotnet build -c {options.Configuration}' first.");
        }
    }
}
