using Sourcing.Contracts.Errors;

namespace Sourcing.Ingest.Grpc;

/// <summary>Parses article ids from requests; a malformed one is a field violation.</summary>
public static class ArticleIds
{
    public static Guid Parse(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw RpcErrors.InvalidArgument(field, $"'{value}' is not an article id.");
}
