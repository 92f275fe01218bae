using Grpc.Core;

namespace Sourcing.Ingest.Outbox;

/// <summary>Why an article's analysis failed, and whether trying again could help.</summary>
public sealed record DispatchFailure(string Description, bool Permanent)
{
    // A refused service key (UNAUTHENTICATED, PERMISSION_DENIED) is the deployment's fault, not the article's:
    // retried with back-off, so the backlog goes through once the key is fixed.
    private static readonly StatusCode[] PermanentErrors =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.OutOfRange,
        StatusCode.Unimplemented,
    ];

    /// <summary>A failed call: every article of its batch failed this way.</summary>
    public static DispatchFailure From(Exception error) => error is RpcException rpc
        ? new($"{rpc.StatusCode}: {rpc.Status.Detail}", PermanentErrors.Contains(rpc.StatusCode))
        : new($"{error.GetType().Name}: {error.Message}", false);

    /// <summary>One article's own error in a batch that otherwise went through.</summary>
    public static DispatchFailure From(Google.Rpc.Status error) =>
        new($"{(StatusCode)error.Code}: {error.Message}", PermanentErrors.Contains((StatusCode)error.Code));
}
