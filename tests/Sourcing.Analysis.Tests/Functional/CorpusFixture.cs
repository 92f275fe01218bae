using Google.Protobuf.WellKnownTypes;
using Sourcing.Analysis.Data;
using Sourcing.Analysis.Tests.Support;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Analysis.Tests.Functional;

/// <summary>One database in which the real service has analyzed the five seeds and the invented samples, interleaved, one AnalyzeArticle call each.</summary>
public class CorpusFixture : IAsyncLifetime
{
    private readonly PostgresDatabaseFixture _database = new();

    public string ConnectionString => _database.ConnectionString;

    /// <summary>Every article analyzed, with the id it was stored under.</summary>
    public Dictionary<Guid, Corpus.Article> Articles { get; } = [];

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, ConnectionString);
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, ConnectionString);
        var client = new AnalysisService.AnalysisServiceClient(analysis.Channel);
        var seeds = Corpus.Seeds();
        var samples = Corpus.Samples();
        // Interleaved, so that stories must form and stay apart whatever else arrives in between.
        var order = seeds.Zip(samples).SelectMany(p => new[] { p.First, p.Second }).Concat(samples.Skip(seeds.Count));
        var requests = order.Select(article =>
        {
            var id = Guid.CreateVersion7();
            Articles[id] = article;
            return new AnalyzeArticleRequest
            {
                ArticleId = id.ToString(),
                Text = article.Text,
                Outlet = article.Outlet,
                Title = article.Title,
                PublishTime = Timestamp.FromDateTime(article.Published),
            };
        }).ToList();
        await AnalyzeAsync(client, requests);
    }

    protected virtual async Task AnalyzeAsync(AnalysisService.AnalysisServiceClient client, IReadOnlyList<AnalyzeArticleRequest> requests)
    {
        foreach (var request in requests)
        {
            await client.AnalyzeArticleAsync(request, deadline: DateTime.UtcNow.AddSeconds(30));
        }
    }

    public Task DisposeAsync() => _database.DisposeAsync();
}
