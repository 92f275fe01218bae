namespace Sourcing.AppHost.Tests.Unit;

public sealed class RestartPolicyTests
{
    private static readonly DateTime Start = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void OnCrash_RepeatedCrashes_DelayDoublesThenGivesUpAtTheLimit()
    {
        var policy = new RestartPolicy();

        var delays = Enumerable.Range(0, RestartPolicy.MaxCrashes).Select(i => policy.OnCrash(Start.AddSeconds(i))).ToList();

        delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), null]);
    }

    [Fact]
    public void OnCrash_EarlierCrashesOutsideTheWindow_AreForgotten()
    {
        var policy = new RestartPolicy();
        for (var i = 0; i < RestartPolicy.MaxCrashes - 1; i++)
        {
            policy.OnCrash(Start.AddSeconds(i));
        }

        var delay = policy.OnCrash(Start + RestartPolicy.Window + TimeSpan.FromMinutes(1));

        delay.ShouldBe(RestartPolicy.InitialDelay);
    }
}
