using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class SourceAndContentTests
{
    [Fact]
    public void Analyze_QuoteBeforeCue_ContentIsQuote()
    {
        const string text = "“We will build the bridge,” Mayor Jane Roe said.";

        var a = Analysis.ByCue(text, "said");

        a.Content.Of(text).ShouldBe("We will build the bridge,");
        a.Source.Of(text).ShouldBe("Mayor Jane Roe");
        a.Quote.ShouldBe(QuoteKind.Direct);
    }

    [Fact]
    public void Analyze_QuoteSplitByCue_ContentRunsAcross()
    {
        const string text = "“We will build it,” she said, “and we will pay for it.”";

        var a = Analysis.ByCue(text, "said");

        a.Content.Of(text).ShouldBe("We will build it,” she said, “and we will pay for it.");
        a.Quote.ShouldBe(QuoteKind.Direct);
    }

    [Fact]
    public void Analyze_InvertedOrder_SourceAfterCue()
    {
        const string text = "The bridge will open in May, said Jane Roe, the mayor.";

        var a = Analysis.ByCue(text, "said");

        a.Source.Of(text).ShouldBe("Jane Roe, the mayor");
        a.Content.Of(text).ShouldBe("The bridge will open in May");
        a.Speaker.ShouldBe("Jane Roe");
    }

    [Fact]
    public void Analyze_IndirectWithoutThat_ContentIsClause()
    {
        const string text = "Two officials said the talks would resume in June.";

        var a = Analysis.ByCue(text, "said");

        a.Content.Of(text).ShouldBe("the talks would resume in June");
        a.Quote.ShouldBe(QuoteKind.Indirect);
    }

    [Fact]
    public void Analyze_PartialQuote_IsMixed()
    {
        const string text = "Kirby said the plan was “dead on arrival” in Congress.";

        Analysis.ByCue(text, "said").Quote.ShouldBe(QuoteKind.Mixed);
    }

    [Fact]
    public void Analyze_AccordingTo_ContentBefore()
    {
        const string text = "The strike will end on Monday, according to a union official.";

        var a = Analysis.ByCue(text, "according to");

        a.Source.Of(text).ShouldBe("a union official");
        a.Content.Of(text).ShouldBe("The strike will end on Monday");
    }

    [Fact]
    public void Analyze_RelativeClauseBetweenSubjectAndVerb_SourceIsSubject()
    {
        const string text = "Ana Bell, who chairs the panel, said the vote would wait.";

        Analysis.ByCue(text, "said").Source.Of(text).ShouldBe("Ana Bell");
    }

    [Fact]
    public void Analyze_TellFrame_SkipsAddressee()
    {
        const string text = "The minister told reporters that prices would fall.";

        Analysis.ByCue(text, "told").Content.Of(text).ShouldBe("prices would fall");
    }

    [Fact]
    public void Analyze_CoordinatedVerbs_ShareSubject()
    {
        const string text = "Ana Bell asked the banks to cut fees and suggested she would act.";

        Analysis.ByCue(text, "suggested").Source.Of(text).ShouldBe("Ana Bell");
        Analysis.ByCue(text, "asked").Content.Of(text).ShouldBe("cut fees");
    }

    [Fact]
    public void Analyze_DocumentRead_IsDocument()
    {
        const string text = "“Aid will continue,” the joint statement read.";

        var a = Analysis.ByCue(text, "read");

        a.Entity.ShouldBe(EntityKind.Document);
        a.Sourcing.ShouldBe(SourcingKind.Named);
    }
}
