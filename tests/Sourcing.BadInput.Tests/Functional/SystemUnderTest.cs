using Grpc.Core;
using Grpc.Health.V1;
using Sourcing.Analysis;
using Sourcing.Contracts.V1;
using Sourcing.Ingest;
using Sourcing.Query;
using Sourcing.Testing;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>
/// Real ingest, analysis and query hosts on one migrated database, with a few analyzed articles so that the
/// query cases have real page tokens and ids to tamper with.
/// </summary>
public sealed class SystemUnderTest : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);
    private readonly PostgresDatabaseFixture _database = new();
    private ServiceHost? _analysis;
    private ServiceHost? _ingest;
    private ServiceHost? _query;

    public string ConnectionString => _database.ConnectionString;

    public IngestService.IngestServiceClient Ingest => new(_ingest!.Channel);

    public AnalysisService.AnalysisServiceClient Analysis => new(_analysis!.Channel);

    public QueryService.QueryServiceClient Query => new(_query!.Channel);

    /// <summary>An article that exists and is analyzed.</summary>
    public string KnownArticleId { get; private set; } = "";

    /// <summary>A page token ListArticles issued for an empty filter and page size 1.</summary>
    public string ArticlesPageToken { get; private set; } = "";

    /// <summary>A page token ListAttributions issued for an empty filter and page size 1.</summary>
    public string AttributionsPageToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await SourcingSchemas.MigrateAllAsync(ConnectionString);
        _analysis = await ServiceHost.StartAsync(AnalysisApp.Build, ConnectionString);
        _ingest = await ServiceHost.StartAsync(IngestApp.Build, ConnectionString, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = _analysis.GrpcAddress.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.200",
            ["Outbox:InitialBackoff"] = "00:00:00.200",
            ["Outbox:MaxBackoff"] = "00:00:01",
        });
        _query = await ServiceHost.StartAsync(QueryApp.Build, ConnectionString);

        foreach (var article in SyntheticArticles.Generate(3, seed: 808))
        {
            var response = await IngestAndAwaitAnalysisAsync(new IngestArticleRequest
            {
                Title = article.Title, Body = article.Body, Outlet = article.Outlet, ContentType = ContentType.Text,
            }, Deadline(TimeSpan.FromSeconds(30)));
            KnownArticleId = response.ArticleId;
        }
        ArticlesPageToken = (await Query.ListArticlesAsync(new ListArticlesRequest { PageSize = 1 },
            deadline: Deadline(TimeSpan.FromSeconds(15)))).NextPageToken;
        AttributionsPageToken = (await Query.ListAttributionsAsync(new ListAttributionsRequest { PageSize = 1 },
            deadline: Deadline(TimeSpan.FromSeconds(15)))).NextPageToken;
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _query, _ingest, _analysis })
        {
            if (host is not null)
            {
                await host.DisposeAsync();
            }
        }
        await _database.DisposeAsync();
    }

    public static DateTime Deadline(TimeSpan after) => DateTime.UtcNow + after;

    /// <summary>Ingests one article and waits until analysis stored its result.</summary>
    public async Task<IngestArticleResponse> IngestAndAwaitAnalysisAsync(IngestArticleRequest request, DateTime deadline)
    {
        var response = await Ingest.IngestArticleAsync(request, deadline: deadline);
        var state = await Eventually.Until(
            async () => (await Ingest.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { response.ArticleId } },
                deadline: Deadline(TimeSpan.FromSeconds(10)))).Statuses.Single().State,
            s => s is ArticleState.Analyzed or ArticleState.Failed, Patience, $"analysis of {response.ArticleId}");
        state.ShouldBe(ArticleState.Analyzed);
        return response;
    }

    /// <summary>Sends items on one IngestArticles stream; an item's in-band error is thrown as the call's error.</summary>
    public async Task<List<IngestArticlesResponse>> IngestStreamAsync(IEnumerable<IngestArticlesRequest> items, DateTime deadline)
    {
        using var call = Ingest.IngestArticles(deadline: deadline);
        using var writing = new CancellationTokenSource(deadline - DateTime.UtcNow);
        try
        {
            foreach (var item in items)
            {
                await call.RequestStream.WriteAsync(item, writing.Token);
            }
            await call.RequestStream.CompleteAsync();
        }
        catch (Exception e) when (e is RpcException or OperationCanceledException)
        {
            // The server ended the call (an oversized item, say): its status comes with the responses.
        }
        var responses = new List<IngestArticlesResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            if (response.Error is { } error)
            {
                throw error.ToRpcException();
            }
            responses.Add(response);
        }
        return responses;
    }

    /// <summary>grpc.health.v1 of every service.</summary>
    public async Task<IReadOnlyList<HealthCheckResponse.Types.ServingStatus>> HealthAsync()
    {
        var statuses = new List<HealthCheckResponse.Types.ServingStatus>();
        foreach (var host in new[] { _ingest!, _analysis!, _query! })
        {
            var response = await new Health.HealthClient(host.Channel).CheckAsync(new HealthCheckRequest(),
                deadline: Deadline(TimeSpan.FromSeconds(10)));
            statuses.Add(response.Status);
        }
        return statuses;
    }

    /// <summary>Waits until background work (the outbox) is done, so that row counts hold still.</summary>
    public Task QuiesceAsync() => Eventually.Until(
        () => Sql.ScalarAsync<long>(ConnectionString, "SELECT count(*) FROM ingest.outbox"), n => n == 0, Patience, "an empty outbox");

    /// <summary>Row counts of every table of ingest and analysis.</summary>
    public Task<IReadOnlyDictionary<string, long>> CountRowsAsync() => RowCounts.ReadAsync(ConnectionString, "ingest", "analysis", "query");
}
