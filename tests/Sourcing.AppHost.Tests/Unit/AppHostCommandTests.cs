namespace Sourcing.AppHost.Tests.Unit;

public sealed class AppHostCommandTests
{
    [Theory]
    [InlineData("--ingest-port", 7101)]
    [InlineData("--analysis-port", 7102)]
    [InlineData("--query-port", 7103)]
    [InlineData("--ingest-health-port", 7111)]
    [InlineData("--analysis-health-port", 7112)]
    [InlineData("--query-health-port", 7113)]
    public void Parse_NoArguments_UsesTheFixedDefaultPorts(string option, int expected)
    {
        var result = AppHostCommand.Create().Parse([]);

        result.Errors.ShouldBeEmpty();
        result.GetValue<int>(option).ShouldBe(expected);
    }

    [Fact]
    public void Parse_PortGiven_OverridesTheDefault()
    {
        var result = AppHostCommand.Create().Parse(["--ingest-port", "9101", "--data-dir", "/tmp/x"]);

        result.GetValue<int>("--ingest-port").ShouldBe(9101);
        result.GetValue<string>("--data-dir").ShouldBe("/tmp/x");
    }

    [Fact]
    public void Parse_Replicas_RepeatableAndValidated()
    {
        var valid = AppHostCommand.Create().Parse(["--replicas", "ingest=2", "--replicas", "query=2"]);
        var invalid = AppHostCommand.Create().Parse(["--replicas", "postgres=2"]);

        valid.Errors.ShouldBeEmpty();
        valid.GetValue<string[]>("--replicas").ShouldBe(["ingest=2", "query=2"]);
        invalid.Errors.ShouldHaveSingleItem().Message.ShouldContain("NAME one of analysis, ingest, query");
    }

    [Fact]
    public void Parse_NoArguments_PrometheusOnItsDefaultPort()
    {
        AppHostCommand.Create().Parse([]).GetValue<int>("--prometheus-port").ShouldBe(9090);
    }
}
