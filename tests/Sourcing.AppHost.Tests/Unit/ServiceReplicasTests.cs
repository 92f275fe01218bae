namespace Sourcing.AppHost.Tests.Unit;

public sealed class ServiceReplicasTests
{
    private static readonly string[] Names = ["analysis", "ingest", "query"];

    private static readonly ServiceDefinition[] Services = DefaultServices.All;

    [Fact]
    public void Parse_RepeatedOption_OneCountPerService()
    {
        var counts = ServiceReplicas.Parse(["ingest=2", "query=3"], Names);

        counts.ShouldBe(new Dictionary<string, int> { ["ingest"] = 2, ["query"] = 3 });
    }

    [Theory]
    [InlineData("ingest", "NAME=N")]
    [InlineData("postgres=2", "NAME=N")]
    [InlineData("ingest=0", "from 1 to 8")]
    [InlineData("ingest=9", "from 1 to 8")]
    [InlineData("ingest=two", "from 1 to 8")]
    public void Parse_Invalid_ThrowsSayingWhatIsExpected(string value, string expected)
    {
        var exception = Should.Throw<AppHostException>(() => ServiceReplicas.Parse([value], Names));

        exception.Message.ShouldContain(expected);
    }

    [Fact]
    public void Expand_TwoIngestReplicas_NamedPerReplicaFirstOnTheGivenPortsOthersOnFreeOnes()
    {
        // Act
        var processes = ServiceReplicas.Expand(Services, new Dictionary<string, int> { ["ingest"] = 2 });

        // Assert
        processes.Select(p => p.ResourceName).ShouldBe(["analysis", "ingest-1", "ingest-2", "query"]);
        processes.Select(p => p.Name).ShouldBe(["analysis", "ingest", "ingest", "query"]);
        (processes[1].GrpcPort, processes[1].HealthPort).ShouldBe((7101, 7111));
        var ports = processes.SelectMany(p => new[] { p.GrpcPort, p.HealthPort }).ToList();
        ports.Distinct().Count().ShouldBe(ports.Count);
    }

    [Fact]
    public void Expand_NoCounts_TheServicesAsGiven()
    {
        ServiceReplicas.Expand(Services, new Dictionary<string, int>()).ShouldBe(Services);
    }
}
