using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sourcing.AppHost.Prometheus;
using Sourcing.AppHost.Telemetry.Dashboard;

namespace Sourcing.AppHost.Telemetry;

/// <summary>
/// The AppHost's own telemetry endpoint, in place of Aspire's dashboard: OTLP/gRPC (h2c) on 127.0.0.1:<c>otlpPort</c>
/// and the dashboard page on 127.0.0.1:<c>dashboardPort</c> (HTTP/1.1), both from one Kestrel in the AppHost process; the
/// dashboard's port also serves each service process's latest metrics for Prometheus at <c>/metrics/&lt;resource&gt;</c>.
/// </summary>
public sealed class TelemetryServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TelemetryServer(WebApplication app, TelemetryStore store)
    {
        _app = app;
        Store = store;
    }

    public TelemetryStore Store { get; }

    public static async Task<TelemetryServer> StartAsync(
        int otlpPort, int? dashboardPort, Func<IReadOnlyList<Resource>> resources, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, otlpPort, listen => listen.Protocols = HttpProtocols.Http2);
            if (dashboardPort is { } port)
            {
                kestrel.Listen(IPAddress.Loopback, port, listen => listen.Protocols = HttpProtocols.Http1);
            }

            // OTLP batches can be large; the exporters' own limit is 4 MB per message by default.
            kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024;
        });
        var store = new TelemetryStore();
        builder.Services.AddSingleton(store);
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 16 * 1024 * 1024);
        var app = builder.Build();
        app.MapGrpcService<OtlpTraceReceiver>();
        app.MapGrpcService<OtlpLogsReceiver>();
        app.MapGrpcService<OtlpMetricsReceiver>();
        if (dashboardPort is { } dashboard)
        {
            var page = new DashboardPage(store, resources);
            app.MapGet("/", (HttpRequest request) => Results.Content(page.Render(DashboardQuery.From(request.Query)), "text/html; charset=utf-8"))
                .RequireHost($"*:{dashboard}");
            app.MapGet("/metrics/{resource}", (string resource) => resources().FirstOrDefault(r => r.Name == resource) is { InstanceId: { } instance }
                    ? Results.Text(PrometheusExposition.Write(store.MetricsOf(instance)), PrometheusExposition.ContentType)
                    : Results.NotFound($"No service process named '{resource}' (see the resources on the dashboard)."))
                .RequireHost($"*:{dashboard}");
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException exception)
        {
            await app.DisposeAsync();
            throw new AppHostException(
                $"The telemetry ports are taken (OTLP {otlpPort}, dashboard {dashboardPort}): {exception.Message}. " +
                "Another AppHost or an Aspire dashboard is probably running; stop it, or pass --otlp-port and --dashboard-port.");
        }

        return new TelemetryServer(app, store);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token);
        await _app.DisposeAsync();
    }
}
