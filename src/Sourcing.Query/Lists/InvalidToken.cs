using Grpc.Core;
using Sourcing.Contracts.Errors;

namespace Sourcing.Query.Lists;

/// <summary>The answer to a page token or cursor this service did not issue for this request.</summary>
public static class InvalidToken
{
    public static RpcException PageToken() => RpcErrors.InvalidArgument("page_token",
        "Not a page token this service issued for this list and filter; start again with an empty page_token.");

    public static RpcException Cursor() => RpcErrors.InvalidArgument("cursor",
        "Not a cursor this service issued; start again with an empty cursor.");
}
