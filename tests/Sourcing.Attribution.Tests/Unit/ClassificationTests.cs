using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class ClassificationTests
{
    [Theory]
    [InlineData("A senior administration official said the deal was close.", SourcingKind.Anonymous, EntityKind.Person)]
    [InlineData("Two people familiar with the matter said the deal was close.", SourcingKind.Anonymous, EntityKind.Group)]
    [InlineData("Sources close to the company said the deal was close.", SourcingKind.Anonymous, EntityKind.Group)]
    [InlineData("The State Department said the deal was close.", SourcingKind.Named, EntityKind.Organization)]
    [InlineData("Deputy Assistant Secretary of Defense for Policy Maria Lopez said the deal was close.", SourcingKind.Named, EntityKind.Person)]
    [InlineData("A group of rebel militias said the deal was close.", SourcingKind.Anonymous, EntityKind.Organization)]
    [InlineData("The report said the deal was close.", SourcingKind.Named, EntityKind.Document)]
    public void Analyze_SourceForm_IsClassified(string text, SourcingKind sourcing, EntityKind entity)
    {
        var a = Analysis.ByCue(text, "said");

        a.Sourcing.ShouldBe(sourcing);
        a.Entity.ShouldBe(entity);
    }

    [Fact]
    public void Analyze_LongTitle_SpeakerIsName()
    {
        const string text = "Deputy Assistant Secretary of Defense for Policy Maria Lopez said the deal was close.";

        Analysis.ByCue(text, "said").Speaker.ShouldBe("Maria Lopez");
    }
}
