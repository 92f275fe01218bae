namespace Sourcing.AppHost.Tests.Unit;

public sealed class ConsoleLogTests
{
    [Fact]
    public void Line_OnATerminalWithAFooter_ErasesTheFooterWritesTheLineAndDrawsTheFooterAgain()
    {
        // Arrange
        var output = new StringWriter();
        using var log = new ConsoleLog(output, isTerminal: true);
        log.SetFooter("table row 1\ntable row 2\n");

        // Act
        log.Line("ingest", "hello");

        // Assert: the prefix is coloured or not depending on NO_COLOR, so only what surrounds it is compared.
        var text = output.ToString();
        text.ShouldStartWith("table row 1\ntable row 2\n\e[2A\r\e[J");
        text.ShouldEndWith("hello\ntable row 1\ntable row 2\n");
        text.Split('\n').Count(line => line.Contains("hello")).ShouldBe(1);
    }

    [Fact]
    public void ReleaseFooter_ThenLine_LeavesTheLastFooterOnScreen()
    {
        var output = new StringWriter();
        using var log = new ConsoleLog(output, isTerminal: true);
        log.SetFooter("final table\n");

        log.ReleaseFooter();
        log.Line("apphost", "stopped");

        var text = output.ToString();
        text.ShouldStartWith("final table\n");
        text.ShouldEndWith("stopped\n");
        text.ShouldNotContain("\e[1A");
    }

    [Fact]
    public void SetFooter_Redirected_WritesNoFooterAndNoEscapes()
    {
        var output = new StringWriter();
        using var log = new ConsoleLog(output, isTerminal: false);

        log.SetFooter("table\n");
        log.Line("ingest", "hello");

        output.ToString().ShouldBe("[ingest]  hello\n");
    }
}
