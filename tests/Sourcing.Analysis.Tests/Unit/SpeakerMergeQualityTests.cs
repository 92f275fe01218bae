using Sourcing.Analysis.Speakers;
using Sourcing.Attribution;
using Xunit.Abstractions;

namespace Sourcing.Analysis.Tests.Unit;

/// <summary>
/// Entity-merge precision and recall on an invented test set: spelling and transliteration variants of one
/// person in agreeing contexts, and different people who share a surname (in one article or across), or even
/// a full name (in unrelated contexts). Pairwise over mentions: a pair is predicted same when both mentions
/// resolved to one entity.
/// </summary>
public sealed class SpeakerMergeQualityTests(ITestOutputHelper output)
{
    private sealed record Mention(string Name, string Person);

    private sealed record Article(string[] Context, params Mention[] Mentions);

    private static readonly Article[] Articles =
    [
        new(["tehran", "parliament", "budget", "sanctions", "oil"], new Mention("Mohammed Rahimi", "rahimi"), new Mention("Sara Rahimi", "sara-rahimi")),
        new(["tehran", "parliament", "sanctions", "oil", "vote"], new Mention("Muhammad Rahimi", "rahimi")),
        new(["parliament", "budget", "oil", "tehran", "deficit"], new Mention("Mohamed Rahimy", "rahimi")),
        new(["quds force", "iran", "baghdad", "militia", "iraq"], new Mention("Ismail Qaani", "qaani")),
        new(["quds force", "iran", "baghdad", "militia", "shiite"], new Mention("Esmail Qhaani", "qaani")),
        new(["iran", "baghdad", "militia", "iraq", "quds force"], new Mention("Esmail Ghaani", "qaani")),
        new(["pentagon", "iraq", "troops", "baghdad", "withdrawal"], new Mention("John Kirby", "kirby")),
        new(["pentagon", "troops", "withdrawal", "iraq", "coalition"], new Mention("J. Kirby", "kirby")),
        new(["pentagon", "troops", "coalition", "iraq", "talks"], new Mention("Kirby", "kirby")),
        new(["moscow", "kremlin", "ukraine", "energy", "gas"], new Mention("Dmitri Volkhov", "volkov")),
        new(["kremlin", "gas", "energy", "pipeline", "moscow"], new Mention("Dmitry Volkov", "volkov"), new Mention("Irina Volkova", "irina-volkova")),
        new(["kremlin", "gas", "pipeline", "europe", "moscow"], new Mention("Dmitrii Volkhov", "volkov")),
        new(["warsaw", "farm", "grain", "subsidy", "poland"], new Mention("Anna Kowalski", "kowalski-farm")),
        new(["grain", "farm", "warsaw", "protest", "tractor"], new Mention("Ana Kowalsky", "kowalski-farm")),
        new(["football", "stadium", "league", "brazil", "coach"], new Mention("Anna Kowalski", "kowalski-football")),
        new(["harbor", "union", "strike", "port", "calloway"], new Mention("Peter Holm", "holm-harbor")),
        new(["chess", "tournament", "championship", "board", "grandmaster"], new Mention("Peter Holm", "holm-chess")),
        new(["harbor", "strike", "port", "union", "cranes"], new Mention("Petter Holm", "holm-harbor")),
        new(["council", "budget", "school", "mayor", "library"], new Mention("John Smith", "john-smith"), new Mention("Mary Smith", "mary-smith")),
        new(["council", "school", "library", "budget", "tax"], new Mention("Jon Smith", "john-smith")),
        new(["council", "library", "school", "mayor", "park"], new Mention("Mary Smith", "mary-smith")),
        new(["hospital", "nurses", "strike", "health", "ward"], new Mention("Chen Wei", "chen-wei")),
        new(["hospital", "nurses", "health", "ward", "pay"], new Mention("Chen Wei", "chen-wei"), new Mention("Chen Li", "chen-li")),
        new(["solar", "energy", "grid", "minister", "kenya"], new Mention("Wanjiru Kamau", "kamau")),
        new(["solar", "grid", "energy", "kenya", "tariff"], new Mention("Wanjiru Kamau", "kamau")),
        new(["tea", "farm", "kenya", "exports", "drought"], new Mention("Grace Kamau", "grace-kamau")),
        new(["election", "brennick", "recount", "mayor", "ballots"], new Mention("Yusuf Adebayo", "adebayo-brennick")),
        new(["recount", "brennick", "mayor", "fares", "ballots"], new Mention("Yusef Adebayo", "adebayo-brennick")),
        new(["lagos", "music", "album", "tour", "festival"], new Mention("Yusuf Adebayo", "adebayo-lagos")),
        new(["dam", "spillway", "agency", "reservoir", "cracks"], new Mention("Halvard Nyström", "nystrom")),
        new(["dam", "reservoir", "spillway", "kesterbrook", "cracks"], new Mention("Halvard Nystrom", "nystrom")),
        new(["dam", "reservoir", "agency", "kesterbrook", "turbines"], new Mention("Nyström", "nystrom")),
        new(["baseball", "pitcher", "league", "inning", "season"], new Mention("Kirby", "kirby-baseball")),
        new(["football", "club", "transfer", "league", "coach"], new Mention("A. Rahimi", "rahimi-football")),
        new(["kremlin", "moscow", "sanctions", "gas", "court"], new Mention("Aleksandr Petrov", "petrov")),
        new(["kremlin", "sanctions", "moscow", "gas", "court"], new Mention("Alexander Petrov", "petrov")),
        new(["shanghai", "factory", "exports", "tariff", "port"], new Mention("Zhang Wei", "zhang-wei")),
        new(["shanghai", "exports", "factory", "tariff", "yuan"], new Mention("Wei Zhang", "zhang-wei")),
    ];

    [Fact]
    public void Resolve_InventedTestSet_PrecisionAndRecallOfMerges()
    {
        var known = new List<KnownSpeaker>();
        var results = new List<(Mention Mention, Guid Entity)>();
        foreach (var article in Articles)
        {
            var mentions = article.Mentions.Select(m => new SpeakerMention(m.Name, EntityKind.Person, [m.Name], article.Context.ToHashSet())).ToList();
            var resolved = SpeakerResolver.Resolve(mentions, known, Guid.NewGuid);
            known.AddRange(resolved.Where(s => s.IsNew && !known.Contains(s)).Distinct());
            results.AddRange(article.Mentions.Zip(resolved, (m, s) => (m, s.Id)));
        }

        int truePairs = 0, predictedPairs = 0, goldPairs = 0;
        for (var i = 0; i < results.Count; i++)
        {
            for (var j = i + 1; j < results.Count; j++)
            {
                var predicted = results[i].Entity == results[j].Entity;
                var gold = results[i].Mention.Person == results[j].Mention.Person;
                predictedPairs += predicted ? 1 : 0;
                goldPairs += gold ? 1 : 0;
                truePairs += predicted && gold ? 1 : 0;
            }
        }
        var precision = (double)truePairs / predictedPairs;
        var recall = (double)truePairs / goldPairs;
        foreach (var entity in results.GroupBy(r => r.Entity))
        {
            output.WriteLine($"{entity.First().Mention.Person,-20} <- {string.Join(" | ", entity.Select(r => r.Mention.Name))}");
        }
        output.WriteLine($"mentions {results.Count}, people {results.Select(r => r.Mention.Person).Distinct().Count()}, entities {known.Count}");
        output.WriteLine($"pairwise merge precision {precision:0.000} ({truePairs}/{predictedPairs}), recall {recall:0.000} ({truePairs}/{goldPairs})");
        Console.WriteLine($"Speaker merge on the invented set: precision {precision:0.000}, recall {recall:0.000}");

        precision.ShouldBeGreaterThanOrEqualTo(0.95);
        recall.ShouldBeGreaterThanOrEqualTo(0.85);
    }
}
