using Grpc.Core;
using Grpc.Core.Interceptors;
using Npgsql;

namespace Sourcing.Query.Grpc;

/// <summary>
/// A read that fails because the database went away (a pooled connection to a replica that stopped, a server
/// restart) answers <c>UNAVAILABLE</c>, which clients retry, instead of an opaque <c>UNKNOWN</c>; a read has no
/// side effect, so the retry is safe and lands on a live host.
/// </summary>
public sealed partial class DatabaseErrorInterceptor(ILogger<DatabaseErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (NpgsqlException e) when (e.IsTransient || e is PostgresException { SqlState: PostgresErrorCodes.AdminShutdown })
        {
            LogUnavailable(logger, e, context.Method);
            throw new RpcException(new Status(StatusCode.Unavailable, "The database is unavailable; retry.", e));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} failed on an unavailable database; answered UNAVAILABLE")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method);
}
