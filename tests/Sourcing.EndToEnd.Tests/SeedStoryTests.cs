using Google.Protobuf.WellKnownTypes;
using Sourcing.Contracts.V1;
using Sourcing.Testing;
using Xunit.Abstractions;

namespace Sourcing.EndToEnd.Tests;

/// <summary>The five seeds through the whole system: one story, one Kirby, copies linked, compared side by side.</summary>
public sealed class SeedStoryTests(SourcingSystem system, ITestOutputHelper output) : IClassFixture<SourcingSystem>
{
    private static readonly string[] Outlets = ["Epoch Times", "Marin Independent Journal", "Times of Israel", "Translated wire", "Washington Post"];

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    [Fact]
    public async Task Seeds_IngestedByFiveOutlets_FormOneStoryWithResolvedSpeakersAndCopies()
    {
        var ingest = new IngestService.IngestServiceClient(system.Ingest.Channel);
        var query = new QueryService.QueryServiceClient(system.Query.Channel);
        var files = Directory.GetFiles(Path.Combine(RepositoryPaths.Shared, "seeds"), "*.txt").Order().ToList();
        var ids = new List<string>();
        for (var i = 0; i < files.Count; i++)
        {
            var created = await ingest.IngestArticleAsync(new IngestArticleRequest
            {
                Body = await File.ReadAllTextAsync(files[i]),
                ContentType = ContentType.Text,
                Outlet = Outlets[i],
                // The day the talks ended; outlets give their publication times (one seed also states it in its text).
                PublishTime = Timestamp.FromDateTime(new DateTime(2021, 4, 7, 12 + i, 0, 0, DateTimeKind.Utc)),
            }, deadline: Deadline);
            ids.Add(created.ArticleId);
        }
        await Eventually.Until(
            async () => (await ingest.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { ids } }, deadline: Deadline)).Statuses,
            s => s.All(x => x.State == ArticleState.Analyzed), TimeSpan.FromSeconds(90), "the seeds analyzed");

        var articles = new List<GetArticleResponse>();
        foreach (var id in ids)
        {
            articles.Add(await query.GetArticleAsync(new GetArticleRequest { ArticleId = id }, deadline: Deadline));
        }
        var storyId = articles[0].Article.StoryId;
        var inStory = await query.ListArticlesAsync(new ListArticlesRequest { Filter = new ArticleFilter { StoryId = storyId } }, deadline: Deadline);
        var kirby = (await query.ListSpeakersAsync(new ListSpeakersRequest { NameQuery = "Kirby" }, deadline: Deadline)).Speakers.ShouldHaveSingleItem();
        var kirbyQuotes = await query.GetSpeakerAsync(new GetSpeakerRequest { SpeakerId = kirby.SpeakerId }, deadline: Deadline);
        var comparison = await query.CompareStoryAsync(new CompareStoryRequest { StoryId = storyId }, deadline: Deadline);
        var byStory = await query.GetSourcingSummaryAsync(new GetSourcingSummaryRequest { GroupBy = SummaryGrouping.Story }, deadline: Deadline);

        foreach (var version in comparison.Versions)
        {
            output.WriteLine($"{version.Article.Outlet,-26} named {version.NamedCount,2} anonymous {version.AnonymousCount,2} " +
                $"added {version.AddedAttributions.Count,2} dropped {version.DroppedSharedIndexes.Count,2} copy of {version.CopyOf}");
        }
        output.WriteLine($"{comparison.SharedAttributions.Count} statements shared by two or more versions");

        storyId.ShouldNotBeNullOrEmpty();
        articles.ShouldAllBe(a => a.Article.StoryId == storyId);
        inStory.Articles.Select(a => a.ArticleId).ShouldBe(ids, ignoreOrder: true);
        articles.Take(4).ShouldAllBe(a => a.Article.TextReuseLinks.Count == 3);
        articles[4].Article.TextReuseLinks.ShouldBeEmpty();
        kirby.Name.ShouldBe("John Kirby");
        kirby.Aliases.ShouldContain("Kirby");
        kirby.AttributionCountsByOutlet.Count.ShouldBeGreaterThan(1);
        kirbyQuotes.Attributions.Count.ShouldBe(kirby.AttributionCount);
        kirbyQuotes.Attributions.ShouldAllBe(a => a.SpeakerId == kirby.SpeakerId);
        comparison.Versions.Count.ShouldBe(5);
        comparison.SharedAttributions.ShouldNotBeEmpty();
        comparison.SharedAttributions.ShouldContain(s => s.ArticleIds.Count >= 3);
        comparison.Versions.Count(v => v.CopyOf.Length > 0).ShouldBeGreaterThanOrEqualTo(2);
        comparison.Versions.Single(v => v.Article.ArticleId == ids[4]).CopyOf.ShouldBeEmpty();
        byStory.Groups.ShouldContain(g => g.Key == storyId && g.ArticleCount == 5);
    }
}
