namespace Sourcing.Analysis.Stories;

/// <summary>
/// Terms keyed by the 3-day period of their article's story time ("kirby@6716"): the candidate index holds these keys,
/// so a candidate query reads the articles of the periods its window touches that share a term, not every article with
/// the term (a posting list that grows with the corpus) nor every article of the window. Both the stored keys and a
/// window's keys are made here, so they always agree.
/// </summary>
public static class StoryPeriods
{
    private const long PeriodMicroseconds = 3L * 24 * 3600 * 1_000_000;

    /// <summary>The period of a time as PostgreSQL stores it (whole microseconds since the Unix epoch, floored).</summary>
    public static long Of(DateTime time) => FloorDivide(FloorDivide((time.ToUniversalTime() - DateTime.UnixEpoch).Ticks, 10), PeriodMicroseconds);

    // In integers: as doubles, today's ticks since the epoch (about 1.7e16) are past exact (2^53).
    private static long FloorDivide(long value, long divisor) => value / divisor - (value % divisor < 0 ? 1 : 0);

    /// <summary>An article's keys: each of its terms in its period.</summary>
    public static string[] Keys(IEnumerable<string> terms, DateTime storyTime)
    {
        var period = Of(storyTime);
        return [.. terms.Select(t => Key(t, period))];
    }

    /// <summary>The keys an article stored in [<paramref name="first"/>, <paramref name="last"/>] with one of the terms has one of.</summary>
    public static string[] WindowKeys(IEnumerable<string> terms, DateTime first, DateTime last)
    {
        var (from, to) = (Of(first), Of(last));
        return [.. terms.SelectMany(t => Enumerable.Range(0, (int)(to - from + 1)).Select(i => Key(t, from + i)))];
    }

    private static string Key(string term, long period) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{term}@{period}");
}
