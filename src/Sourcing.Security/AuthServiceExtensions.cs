using Grpc.AspNetCore.Server;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sourcing.Security;

/// <summary>Server side: API keys, scopes and rate limits on every gRPC method (and its JSON transcoded route).</summary>
public static class AuthServiceExtensions
{
    /// <summary>
    /// Call before the service's own <c>AddGrpc</c>, so that refused calls never reach its interceptors.
    /// <c>Auth:Mode</c> defaults to Off in Development and Required elsewhere.
    /// </summary>
    public static IHostApplicationBuilder AddApiKeyAuthorization(this IHostApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue<AuthMode?>($"{AuthOptions.Section}:{nameof(AuthOptions.Mode)}")
            ?? (builder.Environment.IsDevelopment() ? AuthMode.Off : AuthMode.Required);
        builder.Services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        builder.Services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .PostConfigure(options => options.Mode = mode)
            .ValidateOnStart();
        if (mode == AuthMode.Off)
        {
            return builder;
        }
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<ApiKeyInterceptor>();
        builder.Services.Configure<GrpcServiceOptions>(options => options.Interceptors.Add<ApiKeyInterceptor>());
        return builder;
    }
}
