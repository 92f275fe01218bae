using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class CueFinderTests
{
    [Theory]
    [InlineData("The spokesman declined to comment on the plan.")]
    [InlineData("The company did not respond to a request for comment.")]
    [InlineData("Farmers lobbied for the subsidy and pressed lawmakers for a vote.")]
    [InlineData("By Jane Roe, Staff Writer")]
    [InlineData("A man walks past the ministry in Tarvo. (Photo by Ana Bell)")]
    [InlineData("The group repeated its calls for a new vote.")]
    [InlineData("He was told to leave the building.")]
    public void Analyze_NonAttribution_FindsNothing(string text)
    {
        Analysis.Analyze(text).ShouldBeEmpty(Analysis.Describe(text, Analysis.Analyze(text)));
    }

    [Theory]
    [InlineData("Officials called for calm after the vote.", "called for")]
    [InlineData("Iraq’s Foreign Minister Ana Bell said in a statement that aid was needed.", "said in a statement")]
    [InlineData("The mayor pointed out that the budget was balanced.", "pointed out")]
    public void Analyze_PhraseCue_CoversPhrase(string text, string cue)
    {
        Analysis.ByCue(text, cue).Cue.Of(text).ShouldBe(cue);
    }

    [Fact]
    public void Analyze_CueInsideQuotation_IsNotAnAttribution()
    {
        const string text = "“Blinken said we would win,” Slim said.";

        Analysis.Analyze(text).Count.ShouldBe(1);
    }
}
