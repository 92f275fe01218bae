using Sourcing.Attribution.Lexicon;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class WordListsTests
{
    [Theory]
    [InlineData("said", "CueForm")]
    [InlineData("officials", "PluralRole")]
    [InlineData("statement", "DocumentNoun")]
    [InlineData("Gen.", "Abbreviation")]
    [InlineData("Wednesday", "TimeWord")]
    public void ClassOf_KnownWord_HasClass(string word, string className)
    {
        var expected = Enum.Parse<WordClass>(className);

        (WordLists.Instance.ClassOf(word) & expected).ShouldBe(expected);
    }

    [Fact]
    public void CuesOf_CalledForm_TriesParticlesFirst()
    {
        var cues = WordLists.Instance.CuesOf("called")!;

        cues[0].Particle.ShouldNotBeEmpty();
    }
}
