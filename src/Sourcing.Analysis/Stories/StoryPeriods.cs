namespace Sourcing.Analysis.Stories;

/// <summary>
/// Terms keyed by the 3-day period of their article's story time: the candidate index holds these keys, so a candidate
/// query reads the articles of the periods its window touches that share a term, not every article with the term (a
/// posting list that grows with the corpus) nor every article of the window. Both the stored keys and a window's keys
/// are made here, so they always agree. A key is a 64-bit number, the term's hash XOR its period: where the planner
/// filters a window's rows by overlap instead of using the index, comparing numbers costs a tenth of comparing text.
/// </summary>
public static class StoryPeriods
{
    /// <summary>
    /// The same key in SQL, over a text term <c>t</c> and a timestamptz <c>story_time</c> (migrations backfill with it).
    /// </summary>
    public const string KeySql = "(('x' || left(md5(t), 16))::bit(64)::bigint # floor(extract(epoch FROM story_time) / 259200)::bigint)";

    private const long PeriodMicroseconds = 3L * 24 * 3600 * 1_000_000;

    /// <summary>The period of a time as PostgreSQL stores it (whole microseconds since the Unix epoch, floored).</summary>
    public static long Of(DateTime time) => FloorDivide(FloorDivide((time.ToUniversalTime() - DateTime.UnixEpoch).Ticks, 10), PeriodMicroseconds);

    // In integers: as doubles, today's ticks since the epoch (about 1.7e16) are past exact (2^53).
    private static long FloorDivide(long value, long divisor) => value / divisor - (value % divisor < 0 ? 1 : 0);

    /// <summary>An article's keys: each of its terms in its period.</summary>
    public static long[] Keys(IEnumerable<string> terms, DateTime storyTime)
    {
        var period = Of(storyTime);
        return [.. terms.Select(t => TermHash(t) ^ period)];
    }

    /// <summary>The keys an article stored in [<paramref name="first"/>, <paramref name="last"/>] with one of the terms has one of.</summary>
    public static long[] WindowKeys(IEnumerable<string> terms, DateTime first, DateTime last)
    {
        var (from, to) = (Of(first), Of(last));
        return [.. terms.SelectMany(t =>
        {
            var hash = TermHash(t);
            return Enumerable.Range(0, (int)(to - from + 1)).Select(i => hash ^ (from + i));
        })];
    }

    /// <summary>The first 8 bytes of the MD5 of the term's UTF-8, big-endian: what <see cref="KeySql"/> computes.</summary>
    public static long TermHash(string term)
    {
        Span<byte> digest = stackalloc byte[16];
        var length = System.Text.Encoding.UTF8.GetByteCount(term);
        Span<byte> bytes = length <= 256 ? stackalloc byte[length] : new byte[length];
        System.Text.Encoding.UTF8.GetBytes(term, bytes);
        System.Security.Cryptography.MD5.HashData(bytes, digest);
        return System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(digest);
    }
}
