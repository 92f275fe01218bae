using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class AnonymityReasonTests
{
    [Fact]
    public void Analyze_ReasonInLaterSentence_LinksToNamedAnonymousSources()
    {
        const string text = "Two Iraqi officials said the note was sent. Iraqi officials say money is idle. The two Iraqi officials spoke on condition of anonymity because they were not authorized to talk to reporters.";

        var all = Analysis.Analyze(text);

        all[0].AnonymityReason!.Value.Of(text).ShouldBe("because they were not authorized to talk to reporters");
        all[1].AnonymityReason.ShouldBeNull();
    }

    [Fact]
    public void Analyze_RequestedAnonymityToDiscuss_ReasonInSameSentence()
    {
        const string text = "A diplomat who requested anonymity to discuss private talks said the offer was rejected.";

        var a = Analysis.ByCue(text, "said");

        a.Source.Of(text).ShouldBe("A diplomat");
        a.AnonymityReason!.Value.Of(text).ShouldBe("to discuss private talks");
    }

    [Fact]
    public void Analyze_DeclinedToBeNamedWithoutReason_HasNoReason()
    {
        const string text = "A spokesperson, who declined to be named, said the plant would close.";

        var a = Analysis.ByCue(text, "said");

        a.Sourcing.ShouldBe(SourcingKind.Anonymous);
        a.AnonymityReason.ShouldBeNull();
    }

    [Fact]
    public void Analyze_NamedSource_NeverGetsReason()
    {
        const string text = "Ana Bell said the plant would close. She spoke on condition of anonymity because of the talks.";

        Analysis.ByCue(text, "said").AnonymityReason.ShouldBeNull();
    }
}
