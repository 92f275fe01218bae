using System.Security.Cryptography;
using System.Text;

namespace Sourcing.Ingest.Articles;

/// <summary>SHA-256 of the normalized text, lowercase hex: the identity of an article's content.</summary>
public static class ArticleFingerprint
{
    public static string Of(string normalizedText) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedText)));
}
