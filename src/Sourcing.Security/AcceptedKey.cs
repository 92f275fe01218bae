using System.Threading.RateLimiting;
using Sourcing.Contracts.Security;

namespace Sourcing.Security;

/// <summary>A key the service accepts: its id, hash, scopes and rate limit.</summary>
internal sealed class AcceptedKey(string id, byte[] hash, ApiScopes scopes, RateLimiter? limiter) : IDisposable
{
    public string Id { get; } = id;

    public byte[] Hash { get; } = hash;

    public ApiScopes Scopes { get; } = scopes;

    /// <summary>Null when the key has no rate limit.</summary>
    public RateLimiter? Limiter { get; } = limiter;

    public void Dispose() => Limiter?.Dispose();
}
