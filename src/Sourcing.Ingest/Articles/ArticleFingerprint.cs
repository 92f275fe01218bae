using System.Security.Cryptography;
using System.Text;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// SHA-256 of the normalized text with every run of white space folded to one space, lowercase
/// hex: the identity of an article's content, whatever its line breaks.
/// </summary>
public static class ArticleFingerprint
{
    public static string Of(string normalizedText)
    {
        var folded = string.Join(' ', normalizedText.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(folded)));
    }
}
