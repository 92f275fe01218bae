using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Sourcing.Contracts.Security;

namespace Sourcing.Security;

/// <summary>The keys a service accepts, read once from <c>Auth:Keys</c> (a new key needs a restart).</summary>
internal sealed class ApiKeyStore : IDisposable
{
    private readonly AcceptedKey[] _keys;

    public ApiKeyStore(IOptions<AuthOptions> options)
    {
        _keys = [.. options.Value.Keys.Select(Accept)];
    }

    /// <summary>The key whose hash matches, compared in constant time against every configured hash.</summary>
    public AcceptedKey? Find(string presentedKey)
    {
        var hash = ApiKeys.HashBytes(presentedKey);
        AcceptedKey? found = null;
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(hash, key.Hash))
            {
                found = key;
            }
        }
        return found;
    }

    public void Dispose()
    {
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }

    private static AcceptedKey Accept(ApiKeyOptions key)
    {
        ApiScopeNames.TryParse(key.Scopes, out var scopes, out _);
        return new AcceptedKey(key.Id, Convert.FromHexString(key.Hash), scopes, KeyRateLimits.Create(key));
    }
}
