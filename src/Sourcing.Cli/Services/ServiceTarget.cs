using Grpc.Net.Client;

namespace Sourcing.Cli.Services;

/// <summary>One Sourcing service as the command line reaches it: its name, address and call timeout.</summary>
internal sealed record ServiceTarget(string Name, Uri Address, TimeSpan Timeout)
{
    public const string AppHostHint = "is the AppHost running? (dotnet run --project AppHost)";

    /// <summary>The deadline for a call that starts now.</summary>
    public DateTime Deadline() => DateTime.UtcNow + Timeout;

    /// <summary>
    /// A channel to the service. The services speak plain-text HTTP/2 (h2c) locally, which
    /// GrpcChannel uses for http:// addresses.
    /// </summary>
    public GrpcChannel CreateChannel() => GrpcChannel.ForAddress(Address, new GrpcChannelOptions
    {
        HttpHandler = new SocketsHttpHandler
        {
            ConnectTimeout = Timeout,
            EnableMultipleHttp2Connections = true,
        },
        DisposeHttpClient = true,
    });

    public static bool IsValidAddress(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>The address as people write it: <c>http://127.0.0.1:7101</c>, without a lone trailing slash.</summary>
    public string Endpoint => Address.AbsolutePath == "/" ? Address.GetLeftPart(UriPartial.Authority) : Address.ToString();

    /// <summary>The timeout in seconds, for messages.</summary>
    public string TimeoutText => Timeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) + " s";

    public override string ToString() => $"{Name} at {Endpoint}";
}
