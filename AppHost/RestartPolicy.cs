namespace Sourcing.AppHost;

/// <summary>
/// When a service that was healthy exits unexpectedly: restart it after a back-off that doubles per recent crash
/// (1 s, 2 s, 4 s, 8 s), and give up once it has crashed <see cref="MaxCrashes"/> times within <see cref="Window"/>.
/// </summary>
public sealed class RestartPolicy
{
    public const int MaxCrashes = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan InitialDelay = TimeSpan.FromSeconds(1);

    private readonly Queue<DateTime> _recentCrashes = new();

    /// <summary>Records a crash at <paramref name="now"/>: the delay before restarting, or null to give up.</summary>
    public TimeSpan? OnCrash(DateTime now)
    {
        _recentCrashes.Enqueue(now);
        while (_recentCrashes.Peek() < now - Window)
        {
            _recentCrashes.Dequeue();
        }

        if (_recentCrashes.Count >= MaxCrashes)
        {
            return null;
        }

        return InitialDelay * Math.Pow(2, _recentCrashes.Count - 1);
    }
}
