using System.Net;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sourcing.Data;
using Sourcing.LocalPostgres;

namespace Sourcing.Testing;

/// <summary>
/// A real Sourcing service on real Kestrel at 127.0.0.1 (free ports), built exactly as its
/// Program builds it, with test settings layered on top. Errors it logs fail the test on
/// dispose unless the test declared them expected.
/// </summary>
public sealed class ServiceHost : IAsyncDisposable
{
    public delegate WebApplication AppBuilder(string[] args, Action<WebApplicationBuilder>? configure);

    private readonly WebApplication _app;
    private readonly ErrorLogCollector _errors;

    private ServiceHost(WebApplication app, ErrorLogCollector errors, Uri grpcAddress, Uri healthAddress)
    {
        _app = app;
        _errors = errors;
        GrpcAddress = grpcAddress;
        HealthAddress = healthAddress;
        Channel = GrpcChannel.ForAddress(grpcAddress);
    }

    /// <summary>The address of the service's gRPC endpoint (h2c unless the test configured https).</summary>
    public Uri GrpcAddress { get; }

    /// <summary>The HTTP/1.1 address that serves /health and /alive.</summary>
    public Uri HealthAddress { get; }

    /// <summary>A channel to the service, disposed with it.</summary>
    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Errors logged so far; each matching <paramref name="expected"/> stops counting against the test.</summary>
    public IReadOnlyList<string> LoggedErrors => _errors.Errors;

    public void ExpectErrors(Func<string, bool> expected) => _errors.Expect(expected);

    public static async Task<ServiceHost> StartAsync(
        AppBuilder build,
        string connectionString,
        IDictionary<string, string?>? settings = null,
        int? grpcPort = null,
        Action<WebApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        grpcPort ??= FreePort.Find();
        var healthPort = FreePort.Find();
        var errors = new ErrorLogCollector();
        var configuration = new Dictionary<string, string?>
        {
            ["ConnectionStrings:sourcing"] = connectionString,
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Grpc:Protocols"] = "Http2",
            ["Kestrel:Endpoints:Health:Url"] = $"http://127.0.0.1:{healthPort}",
            ["Kestrel:Endpoints:Health:Protocols"] = "Http1",
            ["Logging:LogLevel:Default"] = "Warning",
            // Tests call without keys unless they set Auth:Mode=Required (and Auth:Keys) themselves.
            ["Auth:Mode"] = "Off",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }
        var app = build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(configuration);
            builder.Logging.AddProvider(errors);
            configure?.Invoke(builder);
        });
        await app.StartAsync(cancellationToken).WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        // The settings may have made the gRPC endpoint https.
        return new ServiceHost(app, errors, new Uri(configuration["Kestrel:Endpoints:Grpc:Url"]!), new Uri($"http://127.0.0.1:{healthPort}"));
    }

    /// <summary>Runs a service's migration step against a database, as the AppHost does before starting it.</summary>
    public static async Task MigrateAsync<TContext>(AppBuilder build, string connectionString)
        where TContext : DbContext
    {
        await using var app = build([MigrateCommand.Argument], builder =>
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:sourcing"] = connectionString,
                ["Logging:LogLevel:Default"] = "Warning",
            }));
        var exitCode = await MigrateCommand.RunAsync<TContext>(app).WaitAsync(TimeSpan.FromSeconds(60));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"Migrating {typeof(TContext).Name} failed with exit code {exitCode}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
        var unexpected = _errors.Unexpected();
        if (unexpected.Count > 0)
        {
            // xUnit reports a fixture's cleanup failure by its type only; the errors go to the console too.
            Console.Error.WriteLine("The service logged unexpected errors:\n" + string.Join("\n", unexpected));
            throw new InvalidOperationException("The service logged unexpected errors:\n" + string.Join("\n", unexpected));
        }
    }
}
