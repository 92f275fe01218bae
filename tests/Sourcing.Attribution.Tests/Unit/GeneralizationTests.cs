using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

/// <summary>Rules added after the held-out set: gender, bodies, appositions, British quotes, non-speech.</summary>
public sealed class GeneralizationTests
{
    [Fact]
    public void Analyze_SheAfterAManSpoke_ResolvesToTheLastWoman()
    {
        const string text = "Laura Pinto said the vote was close. Graham Otley said he disagreed. \"It was never close,\" she said.";

        Analysis.ByCue(text, "said", 2).Speaker.ShouldBe("Laura Pinto");
    }

    [Fact]
    public void Analyze_HeAfterAWomanSpoke_ResolvesToTheLastMan()
    {
        const string text = "Graham Otley said the vote was close. Laura Pinto said she disagreed. He said the count would be checked.";

        Analysis.ByCue(text, "said", 2).Speaker.ShouldBe("Graham Otley");
    }

    [Fact]
    public void Analyze_TitleMsSetsGender_ForAnUnlistedGivenName()
    {
        const string text = "Ms Quenby Marsh said the plan was sound. Tobias Reed said it was not. She said the figures proved her right.";

        Analysis.ByCue(text, "said", 2).Speaker.ShouldBe("Quenby Marsh");
    }

    [Theory]
    [InlineData("Ardent Foods said on Monday that its profit fell.", "Ardent Foods")]
    [InlineData("Brightwater Power said in a statement that it had restored supply.", "Brightwater Power")]
    [InlineData("Advocacy group Clear Rivers said the permit ignored the science.", "Clear Rivers")]
    [InlineData("The Council of the Western Provinces said the grant would continue.", "Council of the Western Provinces")]
    public void Analyze_CompanyOrBodyName_IsANamedOrganization(string text, string speaker)
    {
        var a = Analysis.Analyze(text).ShouldHaveSingleItem();

        a.Entity.ShouldBe(EntityKind.Organization);
        a.Sourcing.ShouldBe(SourcingKind.Named);
        a.Speaker.ShouldBe(speaker);
    }

    [Fact]
    public void Analyze_CapitalizedUnionWithPluralRole_IsANamedOrganization()
    {
        const string text = "Eastfield Transit Workers Local 9 said the strike would continue.";

        var a = Analysis.Analyze(text).ShouldHaveSingleItem();

        a.Entity.ShouldBe(EntityKind.Organization);
        a.Sourcing.ShouldBe(SourcingKind.Named);
    }

    [Fact]
    public void Analyze_TheCompany_ResolvesToTheOrganizationLastQuoted()
    {
        const string text = "Ardent Foods said its profit fell. The company also said it would close a plant.";

        Analysis.ByCue(text, "said", 1).Speaker.ShouldBe("Ardent Foods");
    }

    [Fact]
    public void Analyze_TheClub_ResolvesToTheOrganizationInTheLead()
    {
        const string text = "RIVERSIDE — The Riverside Falcons lost 2-1 on Sunday.\n\nThe striker was injured. The club said he would miss a month.";

        Analysis.ByCue(text, "said").Speaker.ShouldBe("Riverside Falcons");
    }

    [Fact]
    public void Analyze_AppositionWithRelativeClause_KeepsTheSubjectBeforeIt()
    {
        const string text = "Dr. Mara Quill, a surgeon who was not part of the trial, said the results were encouraging.";

        var a = Analysis.ByCue(text, "said");

        a.Speaker.ShouldBe("Mara Quill");
        a.Content.Of(text).ShouldBe("the results were encouraging");
    }

    [Fact]
    public void Analyze_RoleWithParticipleModifier_IsTheWholeSource()
    {
        const string text = "One official briefed on the plan, who asked not to be identified because the plan is secret, said a vote was near.";

        var a = Analysis.ByCue(text, "said");

        a.Source.Of(text).ShouldBe("One official briefed on the plan");
        a.Sourcing.ShouldBe(SourcingKind.Anonymous);
        a.Entity.ShouldBe(EntityKind.Person);
    }

    [Fact]
    public void Analyze_TellWithCommonNounAddresseeAndNoThat_FindsTheClause()
    {
        const string text = "Mayor Ines Varga told the committee the road would reopen in May.";

        Analysis.ByCue(text, "told").Content.Of(text).ShouldBe("the road would reopen in May");
    }

    [Fact]
    public void Analyze_TwoReportsJoinedByAnd_EndTheFirstContentAtTheSecondSource()
    {
        const string text = "Pinto said she was pleased with the debate, and Otley said he would debate again.";

        Analysis.ByCue(text, "said", 0).Content.Of(text).ShouldBe("she was pleased with the debate");
    }

    [Fact]
    public void Analyze_BritishSingleQuotesWithApostrophes_AreDirectQuotes()
    {
        const string text = "'We've done what we can, and it isn't enough,' said Mr Colm Hardy. 'I'm sorry,' he added.";

        var found = Analysis.Analyze(text);

        found.Count.ShouldBe(2);
        found.ShouldAllBe(a => a.Quote == QuoteKind.Direct && a.Speaker == "Colm Hardy");
    }

    [Theory]
    [InlineData("Ministers agreed on Tuesday to extend the quotas.")]
    [InlineData("Prices would fall if the review found that demand had eased.")]
    [InlineData("For years I wondered whether anyone noticed.")]
    public void Analyze_NotAReportOfSpeech_FindsNothing(string text) =>
        Analysis.Analyze(text).ShouldBeEmpty();

    [Theory]
    [InlineData("Ms Oduya countered that the budget was balanced.", "countered")]
    [InlineData("\"That is nonsense,\" she retorted.", "retorted")]
    [InlineData("The appeals jury wrote in its verdict that the claim failed.", "wrote")]
    public void Analyze_NewCueWordsAndSources_AreFound(string text, string cue) =>
        Analysis.ByCue(text, cue).Content.IsEmpty.ShouldBeFalse();

    [Fact]
    public void Analyze_TheJudge_ResolvesToTheNamedJudge()
    {
        const string text = "District Judge Orla Brennan set bail at $5,000. The judge said the trial would start in June.";

        var a = Analysis.ByCue(text, "said");

        a.Speaker.ShouldBe("Orla Brennan");
        a.Sourcing.ShouldBe(SourcingKind.Named);
    }
}
