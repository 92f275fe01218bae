namespace Sourcing.Ingest.Outbox;

/// <summary>
/// How many articles to send in one AnalyzeArticles call: halved when a call runs out of time (its work is rolled
/// back and retried, so a batch too large for the deadline would fail forever), grown back by one per call that
/// succeeds, up to the configured size.
/// </summary>
public sealed class AdaptiveBatchSize(int max)
{
    private int _current = Math.Max(1, max);

    public int Current => Volatile.Read(ref _current);

    public void TimedOut() => Update(size => Math.Max(1, size / 2));

    public void Succeeded() => Update(size => Math.Min(Math.Max(1, max), size + 1));

    private void Update(Func<int, int> next)
    {
        int seen;
        do
        {
            seen = Volatile.Read(ref _current);
        }
        while (Interlocked.CompareExchange(ref _current, next(seen), seen) != seen);
    }
}
