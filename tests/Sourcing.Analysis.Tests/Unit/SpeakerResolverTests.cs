using Sourcing.Analysis.Speakers;
using Sourcing.Attribution;

namespace Sourcing.Analysis.Tests.Unit;

public sealed class SpeakerResolverTests
{
    private static readonly HashSet<string> Iran = ["iran", "quds force", "baghdad", "iraq", "militia", "revolutionary guard"];

    private static SpeakerMention Person(string name, IReadOnlySet<string> context, params string[] aliases) =>
        new(name, EntityKind.Person, aliases, context);

    [Fact]
    public void Resolve_ThreeSpellingsAcrossArticles_OneEntity()
    {
        var known = new List<KnownSpeaker>();
        var ids = new List<Guid>();
        foreach (var spelling in new[] { "Ismail Qaani", "Esmail Qhaani", "Esmail Ghaani" })
        {
            var speaker = SpeakerResolver.Resolve([Person(spelling, Iran)], known, Guid.NewGuid).Single();
            if (!known.Contains(speaker))
            {
                known.Add(speaker);
            }
            ids.Add(speaker.Id);
        }

        ids.Distinct().ShouldHaveSingleItem();
        known.Single().Aliases.ShouldBe(["Ismail Qaani", "Esmail Qhaani", "Esmail Ghaani"], ignoreOrder: true);
    }

    [Fact]
    public void Resolve_TwoSmithsInOneArticle_StayTwo()
    {
        var context = new HashSet<string> { "council", "harbor" };

        var resolved = SpeakerResolver.Resolve([Person("John Smith", context), Person("Mary Smith", context)], [], Guid.NewGuid);

        resolved.Select(s => s.Id).Distinct().Count().ShouldBe(2);
    }

    [Fact]
    public void Resolve_BareSurnameAndTitledName_JoinTheFullName()
    {
        var pentagon = new HashSet<string> { "pentagon", "iraq", "baghdad", "troops" };
        var kirby = SpeakerResolver.Resolve([Person("John Kirby", pentagon, "Pentagon press secretary John Kirby")], [], Guid.NewGuid).Single();

        var bare = SpeakerResolver.Resolve([Person("Kirby", pentagon, "Kirby")], [kirby], Guid.NewGuid).Single();

        bare.ShouldBeSameAs(kirby);
        kirby.Name.ShouldBe("John Kirby");
        kirby.Aliases.ShouldContain("Pentagon press secretary John Kirby");
    }

    [Fact]
    public void Resolve_VariantSpellingInAnotherContext_NewEntity()
    {
        var known = SpeakerResolver.Resolve([Person("Anna Kowalski", new HashSet<string> { "warsaw", "farm", "grain", "subsidy" })], [], Guid.NewGuid).Single();

        var other = SpeakerResolver.Resolve([Person("Ana Kowalsky", new HashSet<string> { "football", "stadium", "league" })], [known], Guid.NewGuid).Single();

        other.IsNew.ShouldBeTrue();
    }

    [Fact]
    public void Resolve_Organizations_MergeOnFoldedName()
    {
        var known = SpeakerResolver.Resolve([new SpeakerMention("State Department", EntityKind.Organization, ["the State Department"], new HashSet<string>())], [], Guid.NewGuid).Single();

        var again = SpeakerResolver.Resolve([new SpeakerMention("the State Department", EntityKind.Organization, [], new HashSet<string>())], [known], Guid.NewGuid).Single();

        again.ShouldBeSameAs(known);
    }

    [Fact]
    public void Find_CaptionSpellingInSameArticle_IsAnAlias()
    {
        const string text = "Quds Force chief Esmail Qhaani met militia leaders. This photo shows Maj. Gen. Esmail Ghaani. John Smith said so.";

        AliasHarvester.Find(text, "Esmail Qhaani").ShouldBe(["Esmail Ghaani"]);
    }
}
