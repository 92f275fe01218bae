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

        StoryPeriods.WindowKeys(["kirby", "iraq"], first, first.AddDays(6))
            .ShouldBe(["kirby@0", "kirby@1", "kirby@2", "iraq@0", "iraq@1", "iraq@2"]);
    }
}
