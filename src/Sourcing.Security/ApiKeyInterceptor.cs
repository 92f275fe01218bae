using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Sourcing.Contracts.Security;

namespace Sourcing.Security;

/// <summary>
/// Admits a call when its key is known, holds the method's scope and has a token left. A call costs one
/// token; each further message a client streams costs one more, awaited. Logs name keys by id only.
/// </summary>
internal sealed partial class ApiKeyInterceptor(ApiKeyStore keys, ILogger<ApiKeyInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Paced(requestStream, Admit(context), context), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Admit(context);
        return continuation(request, responseStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(Paced(requestStream, Admit(context), context), responseStream, context);

    /// <summary>The caller's key, or null for an open method; throws the call's error when it is refused.</summary>
    private AcceptedKey? Admit(ServerCallContext context)
    {
        var needed = MethodScopes.For(context.Method);
        if (needed == ApiScopes.None)
        {
            return null;
        }
        var presented = ApiKeys.FromBearerValue(context.RequestHeaders.GetValue(ApiKeys.Header));
        if (presented is null)
        {
            LogMissingKey(logger, context.Method);
            throw AuthErrors.MissingKey();
        }
        var key = keys.Find(presented);
        if (key is null)
        {
            LogUnknownKey(logger, context.Method);
            throw AuthErrors.UnknownKey();
        }
        Activity.Current?.SetTag("sourcing.api_key.id", key.Id);
        if (!ApiScopeNames.Grants(key.Scopes, needed))
        {
            LogScopeMissing(logger, key.Id, context.Method, ApiScopeNames.Format(needed));
            throw AuthErrors.ScopeMissing(key, needed, context.Method);
        }
        if (!KeyRateLimits.TryTake(key.Limiter, out var retryAfter))
        {
            LogRateLimited(logger, key.Id, context.Method);
            throw AuthErrors.RateLimited(key, retryAfter);
        }
        return key;
    }

    private static IAsyncStreamReader<T> Paced<T>(IAsyncStreamReader<T> requests, AcceptedKey? key, ServerCallContext context) =>
        key?.Limiter is { } limiter ? new PacedStreamReader<T>(requests, limiter, context.CancellationToken) : requests;

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a call to {Method}: no API key")]
    private static partial void LogMissingKey(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to {Method}: unknown API key")]
    private static partial void LogUnknownKey(ILogger logger, string method);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a call to {Method} with key {KeyId}: it lacks scope {Scope}")]
    private static partial void LogScopeMissing(ILogger logger, string keyId, string method, string scope);

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused a call to {Method} with key {KeyId}: over its rate limit")]
    private static partial void LogRateLimited(ILogger logger, string keyId, string method);
}
