using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class QuotationFinderTests
{
    [Fact]
    public void Find_NestedSingleInsideDouble_MarksNested()
    {
        const string text = "“He said ‘no deal,’ and left,” she said.";

        var doc = Analysis.Run(text);

        doc.Quotations.Count.ShouldBe(2);
        doc.Quotations.Count(q => q.Nested).ShouldBe(1);
    }

    [Fact]
    public void Find_QuoteRunningIntoNextParagraph_IsOneQuotation()
    {
        const string text = "“First part of it.\n\n“Second part,” she said.";

        var doc = Analysis.Run(text);

        doc.Quotations.Count.ShouldBe(1);
        text[doc.Quotations[0].ContentStart..doc.Quotations[0].ContentEnd].ShouldBe("First part of it.\n\n“Second part,");
    }

    [Fact]
    public void Find_UnbalancedMark_IsDropped()
    {
        var doc = Analysis.Run("He said “this never closes.\n\nNew paragraph.");

        doc.Quotations.ShouldBeEmpty();
    }

    [Fact]
    public void Find_BritishSingleQuotes_AreQuotations()
    {
        const string text = "‘We will win,’ the coach said.";

        var doc = Analysis.Run(text);

        doc.Quotations.Count.ShouldBe(1);
        doc.Quotations[0].Nested.ShouldBeFalse();
    }

    [Fact]
    public void Find_Apostrophes_AreNotQuotations()
    {
        var doc = Analysis.Run("It’s the farmers’ union’s plan, isn’t it?");

        doc.Quotations.ShouldBeEmpty();
    }
}
