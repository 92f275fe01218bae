using Sourcing.Ingest.Outbox;

namespace Sourcing.Ingest.Tests.Unit;

public sealed class AdaptiveBatchSizeTests
{
    [Fact]
    public void TimedOut_Repeatedly_HalvesDownToOne()
    {
        var size = new AdaptiveBatchSize(32);

        var seen = Enumerable.Range(0, 7).Select(_ => { size.TimedOut(); return size.Current; }).ToList();

        seen.ShouldBe([16, 8, 4, 2, 1, 1, 1]);
    }

    [Fact]
    public void Succeeded_AfterATimeout_GrowsBackByOneUpToTheConfiguredSize()
    {
        var size = new AdaptiveBatchSize(4);
        size.TimedOut();

        var seen = Enumerable.Range(0, 4).Select(_ => { size.Succeeded(); return size.Current; }).ToList();

        seen.ShouldBe([3, 4, 4, 4]);
    }
}
