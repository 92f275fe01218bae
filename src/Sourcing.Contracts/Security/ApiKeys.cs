using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sourcing.Contracts.Security;

/// <summary>
/// The API's credential: a random key sent as <c>authorization: Bearer &lt;key&gt;</c>. Services keep only
/// its SHA-256 (hex): a key has 256 random bits, so a fast hash is as strong as a slow one and checks cheaply.
/// </summary>
public static class ApiKeys
{
    /// <summary>The metadata key (HTTP header) that carries the key.</summary>
    public const string Header = "authorization";

    public const string BearerPrefix = "Bearer ";

    /// <summary>Marks a string as a Sourcing key, for people and for secret scanners.</summary>
    public const string KeyPrefix = "sourcing_";

    public static string Generate() => KeyPrefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>The lowercase hex SHA-256 of the key's UTF-8 bytes: what configuration holds.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(HashBytes(key));

    /// <summary>The SHA-256 of the key's UTF-8 bytes, as a service compares it.</summary>
    public static byte[] HashBytes(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static string BearerValue(string key) => BearerPrefix + key;

    /// <summary>The key in an <c>authorization</c> value, or null when the value is not <c>Bearer &lt;key&gt;</c>.</summary>
    public static string? FromBearerValue(string? value)
    {
        if (value is null || !value.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var key = value[BearerPrefix.Length..].Trim();
        return key.Length == 0 ? null : key;
    }
}
