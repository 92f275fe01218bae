using Sourcing.Contracts.Security;

namespace Sourcing.Cli.Services;

/// <summary>
/// Sends the API key as <c>authorization: Bearer</c> on every request, over TLS and h2c alike (gRPC's call
/// credentials refuse plain-text channels, and the CLI's user chose the address).
/// </summary>
internal sealed class ApiKeyHandler(string apiKey) : DelegatingHandler
{
    private readonly string _bearer = ApiKeys.BearerValue(apiKey);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.TryAddWithoutValidation(ApiKeys.Header, _bearer);
        return base.SendAsync(request, cancellationToken);
    }
}
