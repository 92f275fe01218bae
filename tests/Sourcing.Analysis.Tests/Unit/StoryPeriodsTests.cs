using Sourcing.Analysis.Stories;

namespace Sourcing.Analysis.Tests.Unit;

public sealed class StoryPeriodsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(3 * 86_400_000_000L - 1, 0)]
    [InlineData(3 * 86_400_000_000L, 1)]
    [InlineData(-1, -1)]
    public void Of_MicrosecondsSinceTheEpoch_FlooredToThreeDays(long microseconds, long period)
    {
        StoryPeriods.Of(DateTime.UnixEpoch.AddTicks(microseconds * 10)).ShouldBe(period);
    }

    [Fact]
    public void WindowKeys_AWindowAcrossPeriods_EveryTermInEveryPeriodItTouches()
    {
        var first = DateTime.UnixEpoch.AddDays(2);

        var (kirby, iraq) = (StoryPeriods.TermHash("kirby"), StoryPeriods.TermHash("iraq"));
        StoryPeriods.WindowKeys(["kirby", "iraq"], first, first.AddDays(6))
            .ShouldBe([kirby, kirby ^ 1, kirby ^ 2, iraq, iraq ^ 1, iraq ^ 2]);
    }

    [Fact]
    public void Keys_AnArticlesTerms_EachTermsHashWithItsPeriod()
    {
        var time = DateTime.UnixEpoch.AddDays(3 * 6716 + 1);

        StoryPeriods.Keys(["kirby", "zürich"], time).ShouldBe([StoryPeriods.TermHash("kirby") ^ 6716, StoryPeriods.TermHash("zürich") ^ 6716]);
    }

    [Fact]
    public void TermHash_TheFirstEightBytesOfTheMd5_BigEndian()
    {
        // md5("kirby") = 99afb6d7741c5e159d173be768b0a056 (md5sum); PostgreSQL's side is checked by the migration test.
        StoryPeriods.TermHash("kirby").ShouldBe(unchecked((long)0x99afb6d7741c5e15UL));
        StoryPeriods.TermHash("kirby").ShouldNotBe(StoryPeriods.TermHash("Kirby"));
    }
}
