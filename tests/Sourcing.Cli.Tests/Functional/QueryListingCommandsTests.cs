using System.Collections.Concurrent;
using System.Net;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Tests.Functional;

/// <summary><c>articles</c>, <c>summary</c> and <c>export</c> against a fake query service on real Kestrel that records each request.</summary>
public sealed class QueryListingCommandsTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private string _address = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Logging.ClearProviders();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<ListingQueryService>();
        _app = builder.Build();
        _app.MapGrpcService<ListingQueryService>();
        await _app.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        _address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await _app.DisposeAsync();
    }

    private ListingQueryService Fake => _app.Services.GetRequiredService<ListingQueryService>();

    [Fact]
    public async Task Articles_Filters_SentAsArticleFilterAndPrintedAsTable()
    {
        var run = await CliRun.RunAsync(["--query-url", _address, "articles", "--outlet", "Harbor Post", "--outlet", "Wire",
            "--from", "2021-04-07", "--has-anonymous", "true", "--min-anonymous-share", "0.25", "--search", "strike", "--page-size", "10"]);

        run.ExitCode.ShouldBe(0, run.Error);
        var request = (ListArticlesRequest)Fake.Requests.Single();
        request.Filter.Outlets.ShouldBe(["Harbor Post", "Wire"]);
        request.Filter.StartTime.ShouldBe(Timestamp.FromDateTime(new DateTime(2021, 4, 7, 0, 0, 0, DateTimeKind.Utc)));
        request.Filter.HasAnonymous.ShouldBeTrue();
        request.Filter.MinAnonymousShare.ShouldBe(0.25);
        request.Filter.Query.ShouldBe("strike");
        request.PageSize.ShouldBe(10);
        run.OutLines.ShouldContain(l => l.Contains("Dock strike") && l.Contains("Harbor Post") && l.Contains("ANALYZED"));
        run.Error.ShouldContain("--page-token next-1");
    }

    [Fact]
    public async Task Summary_ByDay_RequestsDayGroupingAndPrintsShares()
    {
        var run = await CliRun.RunAsync(["--query-url", _address, "summary", "--by", "day"]);

        run.ExitCode.ShouldBe(0, run.Error);
        ((GetSourcingSummaryRequest)Fake.Requests.Single()).GroupBy.ShouldBe(SummaryGrouping.Day);
        run.OutLines.ShouldContain(l => l.Contains("2021-04-07") && l.Contains("25.0") && l.Contains("Ana Pires (3)"));
    }

    [Fact]
    public async Task Export_Csv_HeaderAndOneQuotedLinePerAttribution()
    {
        var run = await CliRun.RunAsync(["--query-url", _address, "export", "--format", "csv", "--sourcing", "anonymous"]);

        run.ExitCode.ShouldBe(0, run.Error);
        ((StreamAttributionsRequest)Fake.Requests.Single()).Filter.Sourcing.ShouldBe(Contracts.V1.Sourcing.Anonymous);
        run.OutLines.Length.ShouldBe(4);
        run.OutLines[0].ShouldStartWith("article_id,attribution_id,speaker,sourcing");
        run.OutLines[1].ShouldContain(",anonymous,group,indirect,said,");
        run.OutLines[1].ShouldContain("\"talks, \"\"stalled\"\"\"");
    }

    [Fact]
    public async Task Export_Jsonl_EachLineParsesAsAnAttribution()
    {
        var run = await CliRun.RunAsync(["--query-url", _address, "export"]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutLines.Select(l => JsonParser.Default.Parse<Contracts.V1.Attribution>(l).Speaker).ShouldBe(["officials 0", "officials 1", "officials 2"]);
    }

    [Fact]
    public async Task Speaker_Name_ListsMatchesThenShowsTheBestMatchsQuotes()
    {
        var run = await CliRun.RunAsync(["--query-url", _address, "speaker", "Kirby"]);

        run.ExitCode.ShouldBe(0, run.Error);
        ((ListSpeakersRequest)Fake.Requests.First()).NameQuery.ShouldBe("Kirby");
        ((GetSpeakerRequest)Fake.Requests.Last()).SpeakerId.ShouldBe("k1");
        run.OutLines.ShouldContain(l => l.Contains("John Kirby") && l.Contains("3 attributions"));
        run.OutLines.ShouldContain(l => l.Contains("Kirby | Pentagon press secretary John Kirby"));
        run.OutLines.ShouldContain(l => l.Contains("a9") && l.Contains("the coalition continues"));
    }

    [Fact]
    public async Task Story_Id_PrintsVersionsWithCopiesAndSharedStatements()
    {
        var run = await CliRun.RunAsync(["--query-url", _address, "story", "s1"]);

        run.ExitCode.ShouldBe(0, run.Error);
        ((CompareStoryRequest)Fake.Requests.Single()).StoryId.ShouldBe("s1");
        run.OutLines.ShouldContain(l => l.Contains("Wire Daily") && l.Contains("Harbor Post"));
        run.OutLines.ShouldContain(l => l.Contains("the port reopens") && l.Contains("Harbor Post, Wire Daily"));
    }

    [Theory]
    [InlineData("summary", "--by", "week")]
    [InlineData("export", "--format", "xml")]
    [InlineData("articles", "--from", "someday")]
    public async Task QueryCommands_BadOptionValue_UsageError(params string[] args)
    {
        var run = await CliRun.RunAsync(["--query-url", _address, .. args]);

        run.ExitCode.ShouldBe(2);
        Fake.Requests.ShouldBeEmpty();
    }

    /// <summary>Answers with canned rows and keeps each request.</summary>
    public sealed class ListingQueryService : QueryService.QueryServiceBase
    {
        public ConcurrentQueue<IMessage> Requests { get; } = new();

        public override Task<ListArticlesResponse> ListArticles(ListArticlesRequest request, ServerCallContext context)
        {
            Requests.Enqueue(request);
            return Task.FromResult(new ListArticlesResponse
            {
                Articles = { new Article { ArticleId = "a1", Title = "Dock strike", Outlet = "Harbor Post", State = ArticleState.Analyzed, AttributionCount = 4 } },
                NextPageToken = "next-1",
            });
        }

        public override Task<GetSourcingSummaryResponse> GetSourcingSummary(GetSourcingSummaryRequest request, ServerCallContext context)
        {
            Requests.Enqueue(request);
            return Task.FromResult(new GetSourcingSummaryResponse
            {
                Groups =
                {
                    new SourcingSummaryGroup
                    {
                        Key = "2021-04-07", Label = "2021-04-07", ArticleCount = 2, AttributionCount = 4, NamedCount = 3, AnonymousCount = 1,
                        AnonymousShare = 0.25, DistinctSpeakerCount = 2, TopSpeakers = { new SpeakerCount { Name = "Ana Pires", AttributionCount = 3 } },
                    },
                },
            });
        }

        public override Task<ListSpeakersResponse> ListSpeakers(ListSpeakersRequest request, ServerCallContext context)
        {
            Requests.Enqueue(request);
            return Task.FromResult(new ListSpeakersResponse { Speakers = { new Speaker { SpeakerId = "k1", Name = "John Kirby", AttributionCount = 3 } } });
        }

        public override Task<GetSpeakerResponse> GetSpeaker(GetSpeakerRequest request, ServerCallContext context)
        {
            Requests.Enqueue(request);
            return Task.FromResult(new GetSpeakerResponse
            {
                Speaker = new Speaker
                {
                    SpeakerId = "k1", Name = "John Kirby", AttributionCount = 3, Entity = EntityKind.Person,
                    Aliases = { "Kirby", "Pentagon press secretary John Kirby" }, AttributionCountsByOutlet = { ["Harbor Post"] = 3 },
                },
                Attributions = { new Contracts.V1.Attribution { ArticleId = "a9", Cue = new Span { Text = "said" }, Content = new Span { Text = "the coalition continues" } } },
            });
        }

        public override Task<CompareStoryResponse> CompareStory(CompareStoryRequest request, ServerCallContext context)
        {
            Requests.Enqueue(request);
            return Task.FromResult(new CompareStoryResponse
            {
                StoryId = "s1",
                Versions =
                {
                    new StoryVersion { Article = new Article { ArticleId = "a1", Outlet = "Harbor Post", Title = "Port reopens" }, NamedCount = 2, Speakers = { "Ana Pires" } },
                    new StoryVersion { Article = new Article { ArticleId = "a2", Outlet = "Wire Daily", Title = "Port reopens (wire)" }, CopyOf = "a1", NamedCount = 1 },
                },
                SharedAttributions =
                {
                    new SharedAttribution { Attribution = new Contracts.V1.Attribution { Speaker = "Ana Pires", Content = new Span { Text = "the port reopens" } }, ArticleIds = { "a1", "a2" } },
                },
            });
        }

        public override async Task StreamAttributions(StreamAttributionsRequest request, IServerStreamWriter<StreamAttributionsResponse> responseStream, ServerCallContext context)
        {
            Requests.Enqueue(request);
            for (var i = 0; i < 3; i++)
            {
                await responseStream.WriteAsync(new StreamAttributionsResponse
                {
                    Attribution = new Contracts.V1.Attribution
                    {
                        ArticleId = "a1", AttributionId = $"t{i}", Speaker = $"officials {i}", Sourcing = Contracts.V1.Sourcing.Anonymous,
                        Entity = EntityKind.Group, QuoteType = QuoteType.Indirect, Cue = new Span { Text = "said" },
                        Content = new Span { Text = "talks, \"stalled\"" }, EngineVersion = "1",
                    },
                });
            }
        }
    }
}
