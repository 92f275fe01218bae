using System.Threading.RateLimiting;

namespace Sourcing.Security;

/// <summary>A key's token bucket: <see cref="ApiKeyOptions.RatePerSecond"/> refilled, <see cref="ApiKeyOptions.Burst"/> deep.</summary>
internal static class KeyRateLimits
{
    // Coarse refills keep the limiter's timer cheap; fine enough for limits meant in calls per second.
    private static readonly TimeSpan ShortestRefill = TimeSpan.FromMilliseconds(100);

    /// <summary>The key's bucket, or null for a key without a limit.</summary>
    public static RateLimiter? Create(ApiKeyOptions key)
    {
        if (key.RatePerSecond <= 0)
        {
            return null;
        }
        var period = TimeSpan.FromSeconds(1 / key.RatePerSecond);
        var tokensPerPeriod = 1;
        if (period < ShortestRefill)
        {
            tokensPerPeriod = (int)Math.Round(key.RatePerSecond * ShortestRefill.TotalSeconds);
            period = ShortestRefill;
        }
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = key.Burst > 0 ? key.Burst : Math.Max(1, (int)Math.Ceiling(key.RatePerSecond)),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>One token now, or how long until one is due.</summary>
    public static bool TryTake(RateLimiter? limiter, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (limiter is null)
        {
            return true;
        }
        using var lease = limiter.AttemptAcquire();
        if (lease.IsAcquired)
        {
            return true;
        }
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) && after > TimeSpan.Zero ? after : ShortestRefill;
        return false;
    }

    /// <summary>Waits for a token: how a client stream is paced to its key's rate instead of failed.</summary>
    public static async ValueTask WaitAsync(RateLimiter? limiter, CancellationToken cancellationToken)
    {
        while (!TryTake(limiter, out var retryAfter))
        {
            await Task.Delay(retryAfter, cancellationToken);
        }
    }
}
