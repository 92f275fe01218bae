using Google.Protobuf.WellKnownTypes;

namespace Sourcing.Contracts.Errors;

/// <summary>Request values the wire format allows but .NET or PostgreSQL cannot take, to answer INVALID_ARGUMENT for.</summary>
public static class RequestValues
{
    private const long MinSeconds = -62_135_596_800; // 0001-01-01T00:00:00Z
    private const long MaxSeconds = 253_402_300_799; // 9999-12-31T23:59:59Z

    /// <summary>Whether <see cref="Timestamp.ToDateTime"/> can convert it (it throws for anything else).</summary>
    public static bool IsValid(Timestamp timestamp) =>
        timestamp.Seconds is >= MinSeconds and <= MaxSeconds && timestamp.Nanos is >= 0 and < 1_000_000_000;

    /// <summary>Whether PostgreSQL can store or compare it: text cannot hold U+0000.</summary>
    public static bool IsStorable(string value) => !value.Contains('\0');
}
