using Google.Rpc;
using Grpc.Core;

namespace Sourcing.Security.Tests.Functional;

/// <summary>The google.rpc details a refused call carries.</summary>
public static class ErrorDetails
{
    public static ErrorInfo Info(this RpcException exception) =>
        exception.GetRpcStatus()?.GetDetail<ErrorInfo>() ?? throw new ShouldAssertException($"No ErrorInfo in {exception}");

    public static RetryInfo? Retry(this RpcException exception) => exception.GetRpcStatus()?.GetDetail<RetryInfo>();
}
