using Sourcing.Analysis.Stories;
using Sourcing.Analysis.Tests.Support;
using Sourcing.Attribution;
using Xunit.Abstractions;

namespace Sourcing.Analysis.Tests.Unit;

public sealed class StoryClustererTests(ITestOutputHelper output)
{
    private static ArticleSignature Signature(Corpus.Article article) =>
        TermExtractor.Extract(article.Text, AttributionEngine.Default.Analyze(article.Text)
            .Where(a => a.Sourcing == SourcingKind.Named).Select(a => a.Speaker));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Assign_SeedsAndSamplesOneByOne_OneClusterPerEvent(bool reversed)
    {
        var articles = Corpus.Seeds().Concat(Corpus.Samples()).ToList();
        if (reversed)
        {
            articles.Reverse();
        }
        var stories = new Dictionary<string, Guid>();
        var signatures = new Dictionary<string, ArticleSignature>();
        var df = new Dictionary<string, long>();

        foreach (var article in articles)
        {
            var signature = Signature(article);
            var candidates = signatures
                .Where(p => Math.Abs((articles.Single(a => a.Name == p.Key).Published - article.Published).TotalDays) <= 3)
                .Select(p => new StoryCandidate(Guid.Empty, stories[p.Key], p.Value));
            var decision = StoryClusterer.Assign(signature, candidates, t => StorySimilarity.Idf(signatures.Count + 1, df.GetValueOrDefault(t) + 1));
            var story = decision.StoryId ?? Guid.NewGuid();
            foreach (var name in stories.Where(p => decision.Merged.Contains(p.Value)).Select(p => p.Key).ToList())
            {
                stories[name] = story;
            }
            stories[article.Name] = story;
            signatures[article.Name] = signature;
            foreach (var term in signature.Weights.Keys)
            {
                df[term] = df.GetValueOrDefault(term) + 1;
            }
        }

        foreach (var group in articles.GroupBy(a => stories[a.Name]))
        {
            output.WriteLine($"story {group.Key.ToString()[..8]}: {string.Join(", ", group.Select(a => a.Name))}");
        }
        var clusters = articles.GroupBy(a => stories[a.Name]).Select(g => g.Select(a => a.Event).Distinct().ToList()).ToList();
        clusters.ShouldAllBe(events => events.Count == 1);
        clusters.Count.ShouldBe(articles.Select(a => a.Event).Distinct().Count());
    }

    [Fact]
    public void Similarity_SeedsAndSamples_SameEventAboveThresholdOthersWellBelow()
    {
        var articles = Corpus.Seeds().Concat(Corpus.Samples()).ToList();
        var signatures = articles.Select(Signature).ToList();
        var df = signatures.SelectMany(s => s.Weights.Keys).GroupBy(t => t).ToDictionary(g => g.Key, g => (long)g.Count());
        double Idf(string t) => StorySimilarity.Idf(signatures.Count, df.GetValueOrDefault(t));
        var bestWithin = new double[articles.Count];
        var worstAcross = 0.0;
        for (var i = 0; i < articles.Count; i++)
        {
            var row = signatures.Select(s => StorySimilarity.Cosine(signatures[i], s, Idf)).ToList();
            output.WriteLine($"{articles[i].Name[..Math.Min(14, articles[i].Name.Length)],-14} {string.Join(" ", row.Select(s => s.ToString("0.00")))}");
            for (var j = 0; j < articles.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }
                if (articles[i].Event == articles[j].Event)
                {
                    bestWithin[i] = Math.Max(bestWithin[i], row[j]);
                }
                else
                {
                    worstAcross = Math.Max(worstAcross, row[j]);
                }
            }
        }

        bestWithin.Where((_, i) => articles.Count(a => a.Event == articles[i].Event) > 1).ShouldAllBe(s => s >= StoryClusterer.Threshold);
        worstAcross.ShouldBeLessThan(StoryClusterer.Threshold / 1.5);
    }

    [Fact]
    public void Assign_ArticleLinkingTwoStories_MergesIntoTheStoryWithMoreLinks()
    {
        var a = new ArticleSignature(new Dictionary<string, double> { ["kirby"] = 1, ["baghdad"] = 1 });
        var (big, small) = (Guid.NewGuid(), Guid.NewGuid());
        StoryCandidate[] candidates =
        [
            new(Guid.NewGuid(), big, new(new Dictionary<string, double> { ["kirby"] = 1 })),
            new(Guid.NewGuid(), big, new(new Dictionary<string, double> { ["kirby"] = 1, ["iraq"] = 1 })),
            new(Guid.NewGuid(), small, new(new Dictionary<string, double> { ["baghdad"] = 1 })),
            new(Guid.NewGuid(), Guid.NewGuid(), new(new Dictionary<string, double> { ["harbor"] = 1 })),
        ];

        var decision = StoryClusterer.Assign(a, candidates, _ => 1);

        decision.StoryId.ShouldBe(big);
        decision.Merged.ShouldBe([small]);
    }

    [Fact]
    public void Assign_ArticleLinkingALargeAndAMoreLinkedStory_TheLargerKeepsItsId()
    {
        var a = new ArticleSignature(new Dictionary<string, double> { ["kirby"] = 1, ["baghdad"] = 1 });
        var (large, linked) = (Guid.NewGuid(), Guid.NewGuid());
        StoryCandidate[] candidates =
        [
            new(Guid.NewGuid(), linked, new(new Dictionary<string, double> { ["kirby"] = 1 })),
            new(Guid.NewGuid(), linked, new(new Dictionary<string, double> { ["kirby"] = 1, ["iraq"] = 1 })),
            new(Guid.NewGuid(), large, new(new Dictionary<string, double> { ["baghdad"] = 1 })),
        ];

        var decision = StoryClusterer.Assign(a, candidates, _ => 1, id => id == large ? 500 : 2);

        decision.StoryId.ShouldBe(large, "merging rewrites the smaller story's articles, not the larger's");
        decision.Merged.ShouldBe([linked]);
    }
}
