using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Google.Protobuf;
using Microsoft.Extensions.Options;

namespace Sourcing.Query.Paging;

/// <summary>
/// Opaque, tamper-checked page tokens and cursors: a keyset position, the kind of list and a hash of the
/// request's filter, signed with HMAC-SHA256 under <c>Query:PageTokenKey</c>. A token that was forged,
/// edited, or made for another list or filter does not decode.
/// </summary>
public sealed partial class PageTokens
{
    private const byte Version = 1;
    private const int MacLength = 16;
    private const int PayloadLength = 1 + 1 + 8 + 8 + 16 + 4;
    private readonly byte[] _key;

    public PageTokens(IOptions<QueryOptions> options, IHostEnvironment environment, ILogger<PageTokens> logger)
    {
        var key = options.Value.PageTokenKey;
        if (string.IsNullOrEmpty(key) || key.Length < 16)
        {
            throw new InvalidOperationException("Query:PageTokenKey must be at least 16 characters.");
        }
        if (key == QueryOptions.DevelopmentPageTokenKey && !environment.IsDevelopment())
        {
            LogDevelopmentKey(logger, environment.EnvironmentName);
        }
        _key = Encoding.UTF8.GetBytes(key);
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Page tokens are signed with the public development key in environment {Environment}: set Query__PageTokenKey")]
    private static partial void LogDevelopmentKey(ILogger logger, string environment);

    public string Encode(TokenKind kind, IMessage? filter, Keyset position)
    {
        Span<byte> token = stackalloc byte[PayloadLength + MacLength];
        token[0] = Version;
        token[1] = (byte)kind;
        FilterHash(filter).CopyTo(token[2..10]);
        BinaryPrimitives.WriteInt64BigEndian(token[10..18], position.Time.Ticks);
        position.ArticleId.TryWriteBytes(token[18..34], bigEndian: true, out _);
        BinaryPrimitives.WriteInt32BigEndian(token[34..38], position.Ordinal);
        HMACSHA256.HashData(_key, token[..PayloadLength])[..MacLength].CopyTo(token[PayloadLength..]);
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Decodes a token made by <see cref="Encode"/> for the same kind and filter; false for anything else.</summary>
    public bool TryDecode(string token, TokenKind kind, IMessage? filter, out Keyset position)
    {
        position = default;
        var bytes = FromBase64Url(token);
        if (bytes is not { Length: PayloadLength + MacLength })
        {
            return false;
        }
        var expected = HMACSHA256.HashData(_key, bytes.AsSpan(0, PayloadLength)).AsSpan(0, MacLength);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(PayloadLength))
            || bytes[0] != Version || bytes[1] != (byte)kind || !bytes.AsSpan(2, 8).SequenceEqual(FilterHash(filter)))
        {
            return false;
        }
        var ticks = BinaryPrimitives.ReadInt64BigEndian(bytes.AsSpan(10, 8));
        if (ticks < DateTime.MinValue.Ticks || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }
        position = new Keyset(new DateTime(ticks, DateTimeKind.Utc), new Guid(bytes.AsSpan(18, 16), bigEndian: true),
            BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(34, 4)));
        return true;
    }

    private static byte[] FilterHash(IMessage? filter) =>
        SHA256.HashData(filter?.ToByteArray() ?? [])[..8];

    private static byte[]? FromBase64Url(string token)
    {
        if (token.Length > 200)
        {
            return null;
        }
        var base64 = token.Replace('-', '+').Replace('_', '/');
        base64 += (base64.Length % 4) switch { 2 => "==", 3 => "=", _ => "" };
        try
        {
            return Convert.FromBase64String(base64);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
