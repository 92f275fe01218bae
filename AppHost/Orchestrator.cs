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
        var board = new ResourceBoard(log);
        log.Reserve(options.Services.SelectMany(s => new[] { s.Name, MigrationStep.ResourceName(s) }).Append(PostgresResource.Name));
        var services = new List<ServiceProcess>();
        var postgres = new PostgresResource(options, board, log);
        InstanceLock? instanceLock = null;
        TelemetryServer? telemetry = null;
        var exitCode = 0;
        try
        {
            instanceLock = options.ConnectionString is null ? InstanceLock.Acquire(options.DataDirectory) : null;
            PortCheck.EnsureFree(options.Services);
            EnsureBuilt();
            log.WriteFilesTo(options.LogDirectory);
            log.Info($"Logs per resource: {options.LogDirectory}/<resource>.log");
            telemetry = await TelemetryServer.StartAsync(options.OtlpPort, options.DashboardPort, board.Snapshot, stop.Token);
            log.Info($"Dashboard: {options.DashboardUrl}  (OTLP/gRPC receiver on {options.OtlpEndpoint}{OtlpNote()})");
            await postgres.StartAsync(stop.Token);
            foreach (var service in options.Services.OrderBy(MigrationOrder))
            {
                await MigrationStep.RunAsync(options, service, postgres.ConnectionString, board, log, stop.Token);
            }

            foreach (var definition in options.Services)
            {
                var service = new ServiceProcess(options, definition, postgres.ConnectionString, board, log);
                services.Add(service);
                service.Start();
                await service.WaitHealthyAsync(stop.Token);
            }

            board.Print();
            log.Info($"Sourcing is healthy: {string.Join(", ", options.Services.Select(s => $"{s.Name} {s.GrpcUrl}"))}. Press Ctrl+C to stop.");
            if (options.Seed)
            {
                await SampleSeeder.SeedAsync(options.RepositoryRoot, options.Services.Single(s => s.Name == "ingest").GrpcUrl, log, stop.Token);
            }
            exitCode = await WatchUntilStoppedAsync(postgres, services, stop.Token);
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

    private static async Task<int> WatchUntilStoppedAsync(PostgresResource postgres, List<ServiceProcess> services, CancellationToken stop)
    {
        var failures = 0;
        var watched = services.Select(s => s.UnexpectedExit).Append(postgres.UnexpectedExit).ToList();
        var stopped = Task.Delay(Timeout.Infinite, stop);
        while (true)
        {
            var finished = await Task.WhenAny(watched.Append(stopped));
            if (finished == stopped)
            {
                return failures == 0 ? 0 : 1;
            }

            // A resource failed after start-up: it was reported with its last log lines; the rest keep running.
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
