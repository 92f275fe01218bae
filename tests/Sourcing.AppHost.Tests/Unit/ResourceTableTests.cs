namespace Sourcing.AppHost.Tests.Unit;

public sealed class ResourceTableTests
{
    [Fact]
    public void Render_Redirected_PlainAsciiRowsWithTypeStatePidHealthAndRestarts()
    {
        // Arrange
        var ingest = new Resource("ingest-2", "gRPC service", "http://127.0.0.1:7121", "http://127.0.0.1:7131/health")
        {
            State = ResourceState.Healthy, ProcessId = 4242, Restarts = 3,
        };

        // Act
        var text = ResourceTable.Render([ingest], width: 200, terminal: false);

        // Assert
        text.ShouldNotContain("\e[");
        text.Split('\n').ShouldContain(line => line.StartsWith("| Resource ", StringComparison.Ordinal) && line.Contains("| Restarts |"));
        var row = text.Split('\n').Single(line => line.StartsWith("| ingest-2 ", StringComparison.Ordinal)).Split('|', StringSplitOptions.TrimEntries);
        row[1..8].ShouldBe(["ingest-2", "gRPC service", "Healthy", "http://127.0.0.1:7121", "4242", "http://127.0.0.1:7131/health", "3"]);
    }

    [Fact]
    public void Render_TerminalNarrowerThanTheRows_NoLineWiderThanTheWidth()
    {
        var resource = new Resource("analysis", "gRPC service", "http://127.0.0.1:7102", "http://127.0.0.1:7112/health");

        var text = ResourceTable.Render([resource], width: 60, terminal: true, colour: true);

        text.Split('\n').ShouldAllBe(line => System.Text.RegularExpressions.Regex.Replace(line, @"\e\[[0-9;]*m", string.Empty).Length <= 60);
        text.ShouldContain("analy"); // wrapped or cut to fit, but there
    }
}
