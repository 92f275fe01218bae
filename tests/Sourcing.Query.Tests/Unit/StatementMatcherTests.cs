using Sourcing.Query.Data;
using Sourcing.Query.Stories;

namespace Sourcing.Query.Tests.Unit;

public sealed class StatementMatcherTests
{
    private static readonly Guid First = Guid.NewGuid();
    private static readonly Guid Second = Guid.NewGuid();

    private static AttributionView Quote(Guid article, string speaker, string content, Guid? speakerId = null) => new()
    {
        ArticleId = article,
        EngineVersion = "test",
        CueText = "said",
        SourceText = speaker,
        ContentText = content,
        Speaker = speaker,
        SpeakerId = speakerId,
    };

    [Fact]
    public void Group_SameSpeakerRewordedQuoteInTwoVersions_IsOneSharedStatement()
    {
        var kirby = Guid.NewGuid();

        var statements = StatementMatcher.Group(
        [
            Quote(First, "John Kirby", "the coalition continues to support partner forces in Iraq and in Syria", kirby),
            Quote(Second, "Kirby", "The coalition still supports its partner forces in Iraq and Syria", kirby),
        ]);

        statements.ShouldHaveSingleItem().ArticleIds.ShouldBe([First, Second]);
    }

    [Fact]
    public void Group_SameWordsFromDifferentSpeakers_StayApart()
    {
        var statements = StatementMatcher.Group(
        [
            Quote(First, "the mayor", "the bridge will reopen in June"),
            Quote(Second, "the governor", "the bridge will reopen in June"),
        ]);

        statements.Count.ShouldBe(2);
    }

    [Fact]
    public void Group_TwoQuotesOfOneSpeakerInOneVersion_NeverMerge()
    {
        var statements = StatementMatcher.Group(
        [
            Quote(First, "two Iraqi officials", "the talks went well and will continue"),
            Quote(First, "the officials", "the talks went well and will continue next week"),
        ]);

        statements.Count.ShouldBe(2);
    }

    [Fact]
    public void SpeakerKey_AnonymousDescriptorsWithNumbers_ShareAKey()
    {
        StatementMatcher.SpeakerKey(Quote(First, "Two Iraqi officials", "x"))
            .ShouldBe(StatementMatcher.SpeakerKey(Quote(Second, "iraqi officials", "y")));
    }
}
