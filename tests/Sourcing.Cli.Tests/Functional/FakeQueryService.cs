using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Tests.Functional;

/// <summary>
/// Query with two canned articles: <see cref="ArticleId"/>, analyzed, and <see cref="PendingArticleId"/>,
/// still queued; any other id is NOT_FOUND.
/// </summary>
public sealed class FakeQueryService : QueryService.QueryServiceBase
{
    public const string ArticleId = "0196a1f2-7c1e-7d3a-9c55-3f1d2e4b5a61";

    public const string PendingArticleId = "0196a1f2-7c1e-7d3a-9c55-000000000002";

    public const string Text =
        "Harbor talks stall\n\n" +
        "\"We are not going back without a contract,\" said Mara Lindqvist, the union's president. " +
        "Two port officials, who spoke on condition of anonymity because they were not authorized to discuss the talks, " +
        "said the authority would table a new offer before the end of the month, possibly including a retention bonus for crane operators.";

    public static GetArticleResponse Canned { get; } = new()
    {
        Article = new Article
        {
            ArticleId = ArticleId,
            Title = "Harbor talks stall",
            Outlet = "The Coastal Ledger",
            PublishTime = Timestamp.FromDateTimeOffset(new DateTimeOffset(2031, 3, 14, 9, 30, 0, TimeSpan.Zero)),
            Text = Text,
            State = ArticleState.Analyzed,
        },
        Attributions =
        {
            new Contracts.V1.Attribution
            {
                ArticleId = ArticleId,
                Cue = Span("said"),
                Source = Span("Mara Lindqvist, the union's president"),
                Content = Span("We are not going back without a contract"),
                QuoteType = QuoteType.Direct,
                Speaker = "Mara Lindqvist",
                Sourcing = Contracts.V1.Sourcing.Named,
                Entity = EntityKind.Person,
            },
            new Contracts.V1.Attribution
            {
                ArticleId = ArticleId,
                Cue = Span("said", last: true),
                Source = Span("Two port officials"),
                Content = Span("the authority would table a new offer before the end of the month, possibly including a retention bonus for crane operators"),
                QuoteType = QuoteType.Indirect,
                Speaker = "Two port officials",
                Sourcing = Contracts.V1.Sourcing.Anonymous,
                Entity = EntityKind.Group,
                AnonymityReason = Span("because they were not authorized to discuss the talks"),
            },
        },
    };

    public const string SlowArticleId = "slow";

    public override Task<GetArticleResponse> GetArticle(GetArticleRequest request, ServerCallContext context) => request.ArticleId switch
    {
        // Never answers: the client's deadline has to end the call.
        SlowArticleId => Task.Delay(TimeSpan.FromMinutes(2), context.CancellationToken).ContinueWith(_ => new GetArticleResponse(), TaskScheduler.Default),
        ArticleId => Task.FromResult(Canned),
        PendingArticleId => Task.FromResult(new GetArticleResponse
        {
            Article = new Article { ArticleId = PendingArticleId, Title = "Pending", Text = "Pending\n\nNot yet.", State = ArticleState.Queued },
        }),
        _ => throw new RpcException(new Grpc.Core.Status(StatusCode.NotFound, $"Article '{request.ArticleId}' does not exist.")),
    };

    private static Span Span(string text, bool last = false)
    {
        var start = last ? Text.LastIndexOf(text, StringComparison.Ordinal) : Text.IndexOf(text, StringComparison.Ordinal);
        return new Span { Start = start, End = start + text.Length, Text = text };
    }
}
