namespace Sourcing.LocalPostgres.Tests.Unit;

public sealed class FreePortTests
{
    [Fact]
    public void Find_ManyPortsPickedBeforeAnyIsBound_NoneTwice()
    {
        // A host's services ask for their ports all at once; a repeat would make two of them bind one port.
        var ports = Enumerable.Range(0, 2000).Select(_ => FreePort.Find()).ToList();

        ports.Distinct().Count().ShouldBe(ports.Count);
    }
}
