using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class CoreferenceTests
{
    [Fact]
    public void Analyze_ShortNameAndPronoun_ResolveToFullName()
    {
        const string text = "Pentagon spokesperson John Kirby said the talks went well. Kirby said more talks were planned. He added that nothing was final.";

        var speakers = Analysis.Analyze(text).Select(a => a.Speaker).ToList();

        speakers.ShouldBe(["John Kirby", "John Kirby", "John Kirby"]);
    }

    [Fact]
    public void Analyze_DefiniteReMention_ResolvesToFirstFullestMention()
    {
        const string text = "Two Iraqi officials said the note was sent. The officials said it was short.";

        Analysis.Analyze(text).Select(a => a.Speaker).ShouldAllBe(s => s == "Two Iraqi officials");
    }

    [Fact]
    public void Analyze_TitleWithoutName_ResolvesToTitleHolder()
    {
        const string text = "Prime Minister Ana Bell arrived on Monday. Later the prime minister said the vote would go ahead.";

        Analysis.ByCue(text, "said").Speaker.ShouldBe("Ana Bell");
    }

    [Fact]
    public void Analyze_StatementReMention_ResolvesToDocument()
    {
        const string text = "A joint statement said aid would continue. “Both sides agreed,” the statement read.";

        Analysis.ByCue(text, "read").Speaker.ShouldBe("joint statement");
    }
}
