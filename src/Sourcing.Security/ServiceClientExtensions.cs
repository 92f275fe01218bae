using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Contracts.Security;

namespace Sourcing.Security;

/// <summary>Client side: how one Sourcing service calls another that requires keys or serves TLS.</summary>
public static class ServiceClientExtensions
{
    public const string ServiceKey = "ServiceKey";
    public const string CaFile = "CaFile";

    /// <summary>
    /// Sends <c>{section}:ServiceKey</c> as the bearer key on every call (also over h2c inside a cluster), and
    /// trusts servers whose certificate the CA in the PEM file <c>{section}:CaFile</c> issued.
    /// </summary>
    public static IHttpClientBuilder AddServiceCredentials(this IHttpClientBuilder builder, IConfigurationSection section)
    {
        if (section[ServiceKey] is { Length: > 0 } key)
        {
            var bearer = ApiKeys.BearerValue(key);
            builder.AddCallCredentials((_, metadata) =>
                {
                    metadata.Add(ApiKeys.Header, bearer);
                    return Task.CompletedTask;
                })
                .ConfigureChannel(channel => channel.UnsafeUseInsecureChannelCallCredentials = true);
        }
        if (section[CaFile] is { Length: > 0 } caFile)
        {
            var trust = TrustedCertificateAuthority.FromPemFile(caFile);
            builder.ConfigurePrimaryHttpMessageHandler((handler, _) =>
            {
                if (handler is SocketsHttpHandler sockets)
                {
                    sockets.SslOptions.RemoteCertificateValidationCallback = trust;
                }
                else if (handler is HttpClientHandler client)
                {
                    client.ServerCertificateCustomValidationCallback = (message, certificate, chain, errors) =>
                        trust(message, certificate, chain, errors);
                }
            });
        }
        return builder;
    }
}
