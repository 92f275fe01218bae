using Grpc.Core;
using Grpc.Net.Client.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Registers a gRPC client for another Sourcing service, found by name through service
/// discovery: <c>services__NAME__https__0</c> when that is set (TLS), else <c>services__NAME__http__0</c>.
/// </summary>
public static class GrpcClientExtensions
{
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : class
    {
        var builder = services
            .AddGrpcClient<TClient>((provider, o) => o.Address = new Uri(
                provider.GetRequiredService<IConfiguration>().GetSection($"services:{serviceName}:https").Exists()
                    ? $"https://{serviceName}"
                    : $"http://{serviceName}"))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs = { UnavailableRetry },
            });
        // gRPC calls carry their own deadlines and retry policy; the HTTP resilience handler's
        // timeouts would cut long streams, so it is removed for gRPC clients.
#pragma warning disable EXTEXP0001
        builder.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return builder;
    }

    private static MethodConfig UnavailableRetry { get; } = new()
    {
        Names = { MethodName.Default },
        RetryPolicy = new RetryPolicy
        {
            MaxAttempts = 4,
            InitialBackoff = TimeSpan.FromMilliseconds(200),
            MaxBackoff = TimeSpan.FromSeconds(2),
            BackoffMultiplier = 2,
            RetryableStatusCodes = { StatusCode.Unavailable },
        },
    };
}
