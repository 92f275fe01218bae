using System.Net.Sockets;
using Google.Rpc;
using Grpc.Core;
using Sourcing.Cli.Output;

namespace Sourcing.Cli.Services;

/// <summary>Turns a failed call into a message a person can act on.</summary>
internal static class RpcErrors
{
    /// <summary>
    /// The lines that describe a failed call: the first says what went wrong, the rest list
    /// the field violations and the error reason the service attached, if any.
    /// </summary>
    public static IReadOnlyList<string> Describe(ServiceTarget target, RpcException exception)
    {
        if (IsUnreachable(exception, out var reason))
        {
            var hint = target.Address.Scheme == Uri.UriSchemeHttp ? $"{ServiceTarget.AppHostHint} Does it serve TLS (then use https://)?" : ServiceTarget.AppHostHint;
            return [$"cannot reach {target}: {hint} ({reason})"];
        }
        if (exception.StatusCode == StatusCode.DeadlineExceeded)
        {
            return [$"{target} did not answer within {target.TimeoutText} (use --timeout to wait longer)"];
        }
        var lines = new List<string> { $"{target.Name} answered {Labels.Of(exception.StatusCode)}: {exception.Status.Detail}" };
        var status = TryGetRpcStatus(exception);
        if (status?.GetDetail<BadRequest>() is { } badRequest)
        {
            lines.AddRange(badRequest.FieldViolations.Select(v => $"  {v.Field}: {v.Description}"));
        }
        if (status?.GetDetail<ErrorInfo>() is { Reason.Length: > 0 } info)
        {
            lines.Add($"  reason: {info.Reason}" + (info.Domain.Length > 0 ? $" ({info.Domain})" : ""));
        }
        if (exception.StatusCode == StatusCode.Unauthenticated)
        {
            lines.Add("  send a key with --api-key or SOURCING_API_KEY (make one with 'sourcing keys new')");
        }
        if (status?.GetDetail<RetryInfo>() is { RetryDelay: { } delay })
        {
            lines.Add($"  retry in {delay.ToTimeSpan().TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s");
        }
        return lines;
    }

    /// <summary>
    /// Whether the call never reached the service (connection refused, unknown host, and so on),
    /// as opposed to the service itself answering UNAVAILABLE.
    /// </summary>
    public static bool IsUnreachable(RpcException exception, out string reason)
    {
        reason = exception.Status.Detail;
        if (exception.StatusCode != StatusCode.Unavailable)
        {
            return false;
        }
        for (var inner = exception.Status.DebugException; inner is not null; inner = inner.InnerException)
        {
            if (inner is HttpRequestException or SocketException or IOException)
            {
                reason = inner.Message;
                return true;
            }
        }
        // No transport exception: the service answered UNAVAILABLE itself, unless it sent no detail.
        return exception.Status.DebugException is not null;
    }

    private static Google.Rpc.Status? TryGetRpcStatus(RpcException exception)
    {
        try
        {
            return exception.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            return null;
        }
    }
}
