using System.Collections.Concurrent;
using System.Net;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sourcing.Cli.Tests.Functional;

/// <summary>
/// A real Kestrel host on 127.0.0.1 speaking h2c with fake ingest, query and health services,
/// so the command line is tested over real gRPC channels without PostgreSQL.
/// </summary>
public sealed class FakeSourcingServer : IAsyncLifetime
{
    private static readonly TimeSpan StartStopLimit = TimeSpan.FromSeconds(30);

    private WebApplication? _app;

    public HealthServiceImpl Health { get; } = new();

    /// <summary>Every article the fake ingest service was sent, in order.</summary>
    public ConcurrentQueue<Contracts.V1.IngestArticleRequest> Ingested { get; } = new();

    /// <summary>The authorization header of each article the fake ingest service was sent, by title.</summary>
    public ConcurrentDictionary<string, string?> Authorizations { get; } = new();

    /// <summary>Errors the host logged; none are expected.</summary>
    public ConcurrentQueue<string> LoggedErrors { get; } = new();

    public string Address { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders().AddProvider(new ErrorCollector(LoggedErrors));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(Health);
        builder.Services.AddSingleton(this);
        _app = builder.Build();
        _app.MapGrpcService<HealthServiceImpl>();
        _app.MapGrpcService<FakeIngestService>();
        _app.MapGrpcService<FakeQueryService>();
        Health.SetStatus("", Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving);
        await _app.StartAsync().WaitAsync(StartStopLimit);
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = addresses.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().WaitAsync(StartStopLimit);
            await _app.DisposeAsync();
        }
    }

    /// <summary>Fails the current test when the host logged an error since the last call.</summary>
    public void ShouldHaveLoggedNoErrors()
    {
        var errors = new List<string>();
        while (LoggedErrors.TryDequeue(out var error))
        {
            errors.Add(error);
        }
        errors.ShouldBeEmpty();
    }

    /// <summary>Command-line options that point all three services at this host.</summary>
    public string[] AllServices() => ["--ingest-url", Address, "--analysis-url", Address, "--query-url", Address];

    private sealed class ErrorCollector(ConcurrentQueue<string> errors) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                errors.Enqueue($"{logLevel}: {formatter(state, exception)} {exception}");
            }
        }

        public void Dispose()
        {
        }
    }
}
