using System.Globalization;
using Grpc.Core;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.Security;

namespace Sourcing.Security;

/// <summary>What a refused call answers; the reasons are stable, the messages say what to do.</summary>
internal static class AuthErrors
{
    public static RpcException MissingKey() => RpcErrors.Unauthenticated(
        "missing API key: send 'authorization: Bearer <key>'", "API_KEY_MISSING");

    public static RpcException UnknownKey() => RpcErrors.Unauthenticated(
        "unknown API key: the key in 'authorization: Bearer <key>' is not one this service accepts", "API_KEY_UNKNOWN");

    public static RpcException ScopeMissing(AcceptedKey key, ApiScopes needed, string method)
    {
        var scope = ApiScopeNames.Format(needed);
        return RpcErrors.PermissionDenied(
            $"API key '{key.Id}' lacks the '{scope}' scope that {method} needs (it has '{ApiScopeNames.Format(key.Scopes)}')",
            "API_KEY_SCOPE_MISSING",
            new Dictionary<string, string> { ["required_scope"] = scope, ["method"] = method });
    }

    public static RpcException RateLimited(AcceptedKey key, TimeSpan retryAfter) => RpcErrors.RateLimited(
        string.Create(CultureInfo.InvariantCulture,
            $"API key '{key.Id}' is over its rate limit: retry in {retryAfter.TotalSeconds:0.###} s"),
        "RATE_LIMITED", retryAfter);
}
