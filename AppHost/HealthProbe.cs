using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace Sourcing.AppHost;

/// <summary>Asks a service whether it is ready: grpc.health.v1 Check("") over h2c, then GET /health on HTTP/1.1.</summary>
public sealed class HealthProbe(ServiceDefinition service) : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(service.GrpcUrl);

    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await new Health.HealthClient(_channel).CheckAsync(
                new HealthCheckRequest { Service = string.Empty },
                deadline: DateTime.UtcNow.AddSeconds(2),
                cancellationToken: cancellationToken);
            if (response.Status != HealthCheckResponse.Types.ServingStatus.Serving)
            {
                return false;
            }

            using var health = await Http.GetAsync(service.HealthUrl + "/health", cancellationToken);
            return health.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is RpcException or HttpRequestException or TaskCanceledException
                                          && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public void Dispose() => _channel.Dispose();
}
