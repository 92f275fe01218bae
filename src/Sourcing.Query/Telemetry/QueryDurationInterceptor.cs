using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Sourcing.Query.Telemetry;

/// <summary>Times every unary and server-streaming QueryService call into <see cref="QueryMetrics"/>.</summary>
public sealed class QueryDurationInterceptor(QueryMetrics metrics) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.Unknown;
        try
        {
            var response = await continuation(request, context);
            status = StatusCode.OK;
            return response;
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        finally
        {
            metrics.Answered(context.Method, status, started);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        var started = Stopwatch.GetTimestamp();
        var status = StatusCode.Unknown;
        try
        {
            await continuation(request, responseStream, context);
            status = StatusCode.OK;
        }
        catch (RpcException e)
        {
            status = e.StatusCode;
            throw;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            status = StatusCode.Cancelled;
            throw;
        }
        finally
        {
            metrics.Answered(context.Method, status, started);
        }
    }
}
