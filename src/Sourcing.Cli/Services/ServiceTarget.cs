using Grpc.Net.Client;
using Sourcing.Contracts.Security;

namespace Sourcing.Cli.Services;

/// <summary>
/// One Sourcing service as the command line reaches it: its name, address, call timeout, the API key to
/// send (if any) and a CA file to trust for https addresses (if any).
/// </summary>
internal sealed record ServiceTarget(string Name, Uri Address, TimeSpan Timeout, string? ApiKey = null, string? CaFile = null)
{
    public const string AppHostHint = "is the AppHost running? (dotnet run --project AppHost)";

    /// <summary>The deadline for a call that starts now.</summary>
    public DateTime Deadline() => DateTime.UtcNow + Timeout;

    /// <summary>
    /// A channel to the service: plain-text HTTP/2 (h2c) for http:// addresses, as the services speak
    /// locally, TLS for https://. The key goes with every call, also over h2c (a cluster-internal address).
    /// </summary>
    public GrpcChannel CreateChannel()
    {
        var sockets = new SocketsHttpHandler { ConnectTimeout = Timeout, EnableMultipleHttp2Connections = true };
        if (CaFile is { Length: > 0 })
        {
            sockets.SslOptions.RemoteCertificateValidationCallback = TrustedCertificateAuthority.FromPemFile(CaFile);
        }
        HttpMessageHandler handler = ApiKey is { Length: > 0 } ? new ApiKeyHandler(ApiKey) { InnerHandler = sockets } : sockets;
        return GrpcChannel.ForAddress(Address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true });
    }

    public static bool IsValidAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The address as people write it: <c>http://127.0.0.1:7101</c>, without a lone trailing slash.</summary>
    public string Endpoint => Address.AbsolutePath == "/" ? Address.GetLeftPart(UriPartial.Authority) : Address.ToString();

    /// <summary>The timeout in seconds, for messages.</summary>
    public string TimeoutText => Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    public override string ToString() => $"{Name} at {Endpoint}";
}
