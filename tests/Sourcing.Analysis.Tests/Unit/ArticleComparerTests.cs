using Sourcing.Analysis.Stories;
using Sourcing.Analysis.Tests.Support;
using Sourcing.Attribution;

namespace Sourcing.Analysis.Tests.Unit;

public sealed class ArticleComparerTests
{
    [Fact]
    public void Cosine_SeedsAndSamples_EqualsTheCosineOverSignatures()
    {
        var signatures = Corpus.Seeds().Concat(Corpus.Samples())
            .Select(a => TermExtractor.Extract(a.Text, AttributionEngine.Default.Analyze(a.Text)
                .Where(f => f.Sourcing == SourcingKind.Named).Select(f => f.Speaker)))
            .ToList();
        var space = new TermSpace();
        var vectors = signatures.Select(s => space.Vector(s.Weights)).ToList();
        // Stored counts for some terms, the batch's own changes for others: both count.
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (term, i) in space.Terms.Select((t, i) => (t, i)).Where(p => p.i % 3 == 0))
        {
            space.SetStoredCount(i, 1 + i % 7);
            documents[term] = 1 + i % 7;
        }
        space.Count(vectors[0], 1);
        foreach (var term in signatures[0].Weights.Keys)
        {
            documents[term] = documents.GetValueOrDefault(term) + 1;
        }
        const long articles = 40;
        var comparer = new ArticleComparer(space);

        for (var a = 0; a < signatures.Count; a++)
        {
            comparer.Begin(vectors[a], [], articles);
            for (var b = 0; b < signatures.Count; b++)
            {
                var article = signatures[a];
                var expected = StorySimilarity.Cosine(article, signatures[b],
                    t => StorySimilarity.Idf(articles, documents.GetValueOrDefault(t) + (article.Weights.ContainsKey(t) ? 1 : 0)));

                comparer.Cosine(vectors[b]).ShouldBe(expected, 1e-12, $"article {a} with {b}");
            }
        }
    }

    [Fact]
    public void SharedHeavyTerms_CountsTheCandidatesTermsAmongTheArticlesHeaviest()
    {
        var space = new TermSpace();
        var article = space.Vector(["kirby", "baghdad", "talks", "iraq"], [3f, 2f, 1f, 1f]);
        var comparer = new ArticleComparer(space);
        comparer.Begin(article, [space.Id("kirby"), space.Id("baghdad")], 10);

        comparer.SharedHeavyTerms(space.Vector(["kirby", "talks", "harbor"], [1f, 1f, 1f])).ShouldBe(1);
        comparer.SharedHeavyTerms(space.Vector(["baghdad", "kirby"], [1f, 1f])).ShouldBe(2);
        comparer.Begin(article, [space.Id("talks")], 10);
        comparer.SharedHeavyTerms(space.Vector(["baghdad", "kirby"], [1f, 1f])).ShouldBe(0, "a new article's heaviest terms replace the last one's");
    }

    [Fact]
    public void Changes_CountedAndUncounted_OnlyTheNetChangeOfEachTerm()
    {
        var space = new TermSpace();
        var first = space.Vector(["kirby", "baghdad"], [1f, 2f]);
        var second = space.Vector(["kirby", "harbor"], [1f, 1f]);

        space.Count(first, 1);
        space.Count(second, 1);
        space.Count(first, -1);

        space.Changes().OrderBy(c => c.Term, StringComparer.Ordinal).ShouldBe([("harbor", 1), ("kirby", 1)]);
        space.Documents(space.Id("kirby")).ShouldBe(1);
    }
}
