using Sourcing.Contracts.Errors;

namespace Sourcing.Query.Paging;

/// <summary>AIP-158 page sizes: 0 means the default, larger values are capped, negative is INVALID_ARGUMENT.</summary>
public static class PageSize
{
    public static int Resolve(int requested, int defaultSize, int maxSize, string field = "page_size")
    {
        if (requested < 0)
        {
            RpcErrors.ThrowInvalidArgument(field, $"Must not be negative; was {requested}.");
        }
        return requested == 0 ? defaultSize : Math.Min(requested, maxSize);
    }
}
