using System.Diagnostics.CodeAnalysis;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Google.Protobuf;
using Grpc.Core;

namespace Sourcing.Contracts.Errors;

/// <summary>
/// The API's error model: <c>google.rpc.Status</c> with one <c>ErrorInfo</c> (a stable reason in
/// the <c>sourcing.v1</c> domain) and, for bad input, <c>BadRequest</c> field violations.
/// </summary>
public static class RpcErrors
{
    public const string Domain = "sourcing.v1";

    // Errors travel in HTTP/2 trailers, and clients refuse trailers over their header limit (64 KB in .NET):
    // a description that quotes a huge bad value must be cut, or the client gets a broken call instead of the error.
    private const int MaxDescriptionLength = 300;
    private const int MaxMessageLength = 2000;
    private const int MaxViolations = 50;

    public static RpcException InvalidArgument(IReadOnlyCollection<BadRequest.Types.FieldViolation> violations)
    {
        var cut = violations.Take(MaxViolations).Select(v => new BadRequest.Types.FieldViolation
        {
            Field = Cap(v.Field, MaxDescriptionLength),
            Description = Cap(v.Description, MaxDescriptionLength),
        }).ToList();
        var summary = string.Join("; ", cut.Select(v => $"{v.Field}: {v.Description}"));
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(cut);
        return Build(Code.InvalidArgument, $"Invalid request: {summary}", "INVALID_ARGUMENT", badRequest);
    }

    public static RpcException InvalidArgument(string field, string description) =>
        InvalidArgument([new BadRequest.Types.FieldViolation { Field = field, Description = description }]);

    public static RpcException NotFound(string what, string id) =>
        Build(Code.NotFound, $"{what} '{id}' was not found.", "NOT_FOUND");

    public static RpcException Unauthenticated(string message, string reason) =>
        Build(Code.Unauthenticated, message, reason);

    public static RpcException PermissionDenied(string message, string reason, IReadOnlyDictionary<string, string> metadata) =>
        Build(Code.PermissionDenied, message, reason, metadata);

    /// <summary>
    /// RESOURCE_EXHAUSTED with a <c>RetryInfo</c>, and the delay in whole seconds in a <c>retry-after</c>
    /// trailer for clients that read no status details.
    /// </summary>
    public static RpcException RateLimited(string message, string reason, TimeSpan retryDelay)
    {
        var exception = Build(Code.ResourceExhausted, message, reason,
            new Dictionary<string, string>(), new RetryInfo { RetryDelay = Duration.FromTimeSpan(retryDelay) });
        exception.Trailers.Add("retry-after", Math.Max(1, (int)Math.Ceiling(retryDelay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return exception;
    }

    [DoesNotReturn]
    public static void ThrowInvalidArgument(string field, string description) =>
        throw InvalidArgument(field, description);

    [DoesNotReturn]
    public static void ThrowNotFound(string what, string id) => throw NotFound(what, id);

    private static string Cap(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }
        var end = char.IsHighSurrogate(text[max - 2]) ? max - 2 : max - 1;
        return text[..end] + "…";
    }

    public static Google.Rpc.Status ToStatus(RpcException exception) =>
        exception.GetRpcStatus() ?? new Google.Rpc.Status
        {
            Code = (int)exception.StatusCode,
            Message = exception.Status.Detail,
        };

    private static RpcException Build(Code code, string message, string reason, params IMessage[] details) =>
        Build(code, message, reason, new Dictionary<string, string>(), details);

    private static RpcException Build(
        Code code, string message, string reason, IReadOnlyDictionary<string, string> metadata, params IMessage[] details)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = Cap(message, MaxMessageLength) };
        var info = new ErrorInfo { Reason = reason, Domain = Domain };
        foreach (var (key, value) in metadata)
        {
            info.Metadata[key] = value;
        }
        status.Details.Add(Any.Pack(info));
        foreach (var detail in details)
        {
            status.Details.Add(Any.Pack(detail));
        }
        return status.ToRpcException();
    }
}
