using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Sourcing.AppHost.Telemetry;
using Sourcing.LocalPostgres;

namespace Sourcing.AppHost.Tests.Functional;

/// <summary>The AppHost's OTLP/gRPC receiver, fed by the real OpenTelemetry SDK's OTLP exporter.</summary>
public sealed class OtlpReceiverTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Export_SpanLogAndMetricFromTheSdk_AreStored()
    {
        // Arrange
        var port = FreePort.Find();
        await using var server = await TelemetryServer.StartAsync(port, dashboardPort: null, () => [], CancellationToken.None).WaitAsync(Timeout);
        var name = "receiver-test-" + Guid.NewGuid().ToString("N")[..8];
        var resource = ResourceBuilder.CreateEmpty().AddService("receiver-test");
        void Otlp(OtlpExporterOptions o)
        {
            o.Endpoint = new Uri($"http://127.0.0.1:{port}");
            o.Protocol = OtlpExportProtocol.Grpc;
        }

        using var source = new ActivitySource(name);
        using var meter = new Meter(name);
        string traceId;

        // Act
        using (var tracing = Sdk.CreateTracerProviderBuilder().SetResourceBuilder(resource).AddSource(name).AddOtlpExporter(Otlp).Build())
        using (var metrics = Sdk.CreateMeterProviderBuilder().SetResourceBuilder(resource).AddMeter(name).AddOtlpExporter(Otlp).Build())
        using (var logging = LoggerFactory.Create(b => b.AddOpenTelemetry(o =>
               {
                   o.IncludeFormattedMessage = true; // as the services do (ServiceDefaults)
                   o.SetResourceBuilder(resource);
                   o.AddOtlpExporter(Otlp);
               })))
        {
            using (var activity = source.StartActivity("receiver test span", ActivityKind.Server)!)
            {
                activity.SetTag("sourcing.test", "yes");
                traceId = activity.TraceId.ToHexString();
                logging.CreateLogger("ReceiverTest").LogWarning("Hello from {Test}", name);
            }

            meter.CreateCounter<long>("sourcing.test.count").Add(3, new KeyValuePair<string, object?>("outcome", "created"));
            tracing.ForceFlush((int)Timeout.TotalMilliseconds).ShouldBeTrue();
            metrics.ForceFlush((int)Timeout.TotalMilliseconds).ShouldBeTrue();
        }

        // Assert
        var span = server.Store.Spans.Snapshot().ShouldHaveSingleItem();
        span.Service.ShouldBe("receiver-test");
        span.Name.ShouldBe("receiver test span");
        span.Kind.ShouldBe("server");
        span.TraceId.ShouldBe(traceId);
        span.Attributes["sourcing.test"].ShouldBe("yes");
        var log = server.Store.Logs.Snapshot().ShouldHaveSingleItem();
        log.Level.ShouldBe("Warning");
        log.Category.ShouldBe("ReceiverTest");
        log.Message.ShouldContain(name);
        log.TraceId.ShouldBe(traceId);
        var metric = server.Store.Metrics().ShouldHaveSingleItem();
        (metric.Service, metric.Name, metric.Attributes, metric.Value).ShouldBe(("receiver-test", "sourcing.test.count", "outcome=created", "3"));
    }

    [Fact]
    public void RingBuffer_OverCapacity_KeepsTheNewestAndCountsTheDropped()
    {
        var buffer = new RingBuffer<int>(3);

        foreach (var i in Enumerable.Range(1, 5))
        {
            buffer.Add(i);
        }

        buffer.Snapshot().ShouldBe([3, 4, 5]);
        (buffer.Added, buffer.Dropped).ShouldBe((5L, 2L));
    }
}
