using System.Data.Common;
using Grpc.Core;
using Microsoft.EntityFrameworkCore.Storage;

namespace Sourcing.Ingest.Grpc;

/// <summary>
/// A database that cannot be reached is <c>UNAVAILABLE</c> (clients retry), not an opaque
/// <c>UNKNOWN</c>; a call that fails this way has written nothing.
/// </summary>
public static class DatabaseErrors
{
    public static async Task<T> Translate<T>(Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is not RpcException and not OperationCanceledException && IsDatabaseFailure(e))
        {
            throw new RpcException(new Status(StatusCode.Unavailable, "The database is unavailable; retry later.", e));
        }
    }

    /// <summary>The status an unexpected failure of one item becomes.</summary>
    public static RpcException ToRpcException(Exception e) => e switch
    {
        RpcException rpc => rpc,
        _ when IsDatabaseFailure(e) => new RpcException(new Status(StatusCode.Unavailable, "The database is unavailable; retry later.", e)),
        _ => new RpcException(new Status(StatusCode.Internal, "The item could not be ingested.", e)),
    };

    private static bool IsDatabaseFailure(Exception e)
    {
        for (Exception? current = e; current is not null; current = current.InnerException)
        {
            if (current is DbException or RetryLimitExceededException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
