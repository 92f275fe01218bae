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
}
