using Sourcing.Contracts.V1;
using Sourcing.Ingest.Data;
using Sourcing.Testing;

namespace Sourcing.Ingest.Tests.Functional;

/// <summary>The seeds: 000–003 reprint one wire story in pairs; 004 is independent reporting of the same event.</summary>
public sealed class TextReuseTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private ServiceHost _ingest = null!;

    public async Task InitializeAsync()
    {
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, database.ConnectionString);
        _ingest = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = $"http://127.0.0.1:{Sourcing.LocalPostgres.FreePort.Find()}",
            ["Outbox:InitialBackoff"] = "01:00:00",
        });
    }

    public async Task DisposeAsync() => await _ingest.DisposeAsync();

    private async Task<string> IngestAsync(string text)
    {
        var response = await new IngestService.IngestServiceClient(_ingest.Channel).IngestArticleAsync(
            new IngestArticleRequest { Body = text, ContentType = ContentType.Text }, deadline: DateTime.UtcNow.AddSeconds(20));
        response.Outcome.ShouldBe(IngestOutcome.Created);
        return response.ArticleId;
    }

    [Fact]
    public async Task IngestArticle_Seeds_LinksTheWireCopiesByTheirSharedFractionAndNotTheIndependentStory()
    {
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Shared, "seeds"), "*.txt").Order().ToList();
        files.Count.ShouldBe(5);
        var ids = new List<Guid>();
        foreach (var file in files)
        {
            ids.Add(Guid.Parse(await IngestAsync(await File.ReadAllTextAsync(file))));
        }

        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                if (i == j)
                {
                    continue;
                }
                var fraction = await Sql.ScalarAsync<double>(database.ConnectionString,
                    "SELECT shared_fraction FROM ingest.text_reuse_links WHERE article_id = $1 AND other_article_id = $2", ids[i], ids[j]);
                fraction.ShouldBeInRange(0.15, 0.41, $"seed {i:000} sharing with seed {j:000}");
            }
        }
        (await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM ingest.text_reuse_links WHERE article_id = $1 OR other_article_id = $1", ids[4])).ShouldBe(0);
        (await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM ingest.articles WHERE id = ANY($1) AND duplicate_of IS NOT NULL", ids.ToArray())).ShouldBe(0);
    }

    [Fact]
    public async Task IngestArticle_CopyWithOneWordChanged_IsLinkedAsDuplicateOfTheFirst()
    {
        var paragraphs = Enumerable.Range(1, 30).Select(i =>
            $"In paragraph {i} of the report, the inspectors counted {i * 7} cracked panels along section {i + 40} of the Wendell dam.");
        var original = string.Join("\n\n", paragraphs);
        var first = await IngestAsync(original);

        var copy = await IngestAsync(original.Replace("paragraph 17", "passage 17"));

        (await Sql.ScalarAsync<Guid>(database.ConnectionString, "SELECT duplicate_of FROM ingest.articles WHERE id = $1", Guid.Parse(copy)))
            .ShouldBe(Guid.Parse(first));
    }
}
