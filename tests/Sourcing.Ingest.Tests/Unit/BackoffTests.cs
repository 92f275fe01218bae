using Sourcing.Ingest.Outbox;

namespace Sourcing.Ingest.Tests.Unit;

public sealed class BackoffTests
{
    [Theory]
    [InlineData(1, 500, 1000)]
    [InlineData(2, 1000, 2000)]
    [InlineData(4, 4000, 8000)]
    public void Delay_Attempt_LiesBetweenHalfAndFullExponentialCeiling(int attempt, int minMs, int maxMs)
    {
        for (var i = 0; i < 200; i++)
        {
            var delay = Backoff.Delay(attempt, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)).TotalMilliseconds;
            delay.ShouldBeInRange(minMs, maxMs);
        }
    }

    [Fact]
    public void Delay_ManyAttempts_IsCappedAtMax()
    {
        var delay = Backoff.Delay(60, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));

        delay.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(30));
        delay.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromSeconds(15));
    }
}
