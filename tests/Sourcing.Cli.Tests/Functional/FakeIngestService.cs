using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Tests.Functional;

/// <summary>
/// Ingest as the command line sees it: echoes an id made from the title, answers DUPLICATE
/// for a title it has seen, and rejects an empty body with INVALID_ARGUMENT and a BadRequest.
/// </summary>
public sealed class FakeIngestService(FakeSourcingServer server) : IngestService.IngestServiceBase
{
    public override Task<IngestArticleResponse> IngestArticle(IngestArticleRequest request, ServerCallContext context)
    {
        if (string.IsNullOrWhiteSpace(request.Body))
        {
            throw new Google.Rpc.Status
            {
                Code = (int)Code.InvalidArgument,
                Message = "The article is invalid.",
                Details =
                {
                    Any.Pack(new BadRequest
                    {
                        FieldViolations = { new BadRequest.Types.FieldViolation { Field = "body", Description = "The body must not be empty." } },
                    }),
                    Any.Pack(new ErrorInfo { Reason = "EMPTY_BODY", Domain = "ingest.sourcing.v1" }),
                },
            }.ToRpcException();
        }
        var duplicate = server.Ingested.Any(seen => seen.Title == request.Title);
        server.Ingested.Enqueue(request);
        server.Authorizations[request.Title] = context.RequestHeaders.GetValue("authorization");
        return Task.FromResult(new IngestArticleResponse
        {
            ArticleId = "art-" + request.Title.ToLowerInvariant().Replace(' ', '-'),
            Outcome = duplicate ? IngestOutcome.Duplicate : IngestOutcome.Created,
            State = duplicate ? ArticleState.Analyzed : ArticleState.Queued,
        });
    }
}
