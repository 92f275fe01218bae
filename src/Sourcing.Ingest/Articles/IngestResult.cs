using Grpc.Core;
using Sourcing.Contracts.V1;

namespace Sourcing.Ingest.Articles;

/// <summary>What became of one submitted article: its response, or the error that item alone got.</summary>
public sealed record IngestResult(IngestArticleResponse? Response, RpcException? Error)
{
    public static IngestResult Of(IngestArticleResponse response) => new(response, null);

    public static IngestResult Of(RpcException error) => new(null, error);

    public IngestArticleResponse ResponseOrThrow() => Response ?? throw Error!;
}
