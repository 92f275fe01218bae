using System.Threading.RateLimiting;
using Grpc.Core;

namespace Sourcing.Security;

/// <summary>
/// A client stream whose messages after the first each wait for a token of the caller's key: a bulk stream
/// is slowed to the key's rate (HTTP/2 flow control holds the sender back) rather than ended.
/// </summary>
internal sealed class PacedStreamReader<T>(IAsyncStreamReader<T> inner, RateLimiter limiter, CancellationToken callCancelled)
    : IAsyncStreamReader<T>
{
    private bool _first = true;

    public T Current => inner.Current;

    public async Task<bool> MoveNext(CancellationToken cancellationToken)
    {
        var more = await inner.MoveNext(cancellationToken);
        if (more && !_first)
        {
            await KeyRateLimits.WaitAsync(limiter, cancellationToken.CanBeCanceled ? cancellationToken : callCancelled);
        }
        _first = false;
        return more;
    }
}
