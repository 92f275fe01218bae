namespace Sourcing.Cli.Tests.Functional;

/// <summary>A test against the shared fake host; it fails when the host logged an unexpected error.</summary>
public abstract class FakeServerTest(FakeSourcingServer server) : IClassFixture<FakeSourcingServer>, IDisposable
{
    protected FakeSourcingServer Server { get; } = server;

    public virtual void Dispose()
    {
        Server.ShouldHaveLoggedNoErrors();
        GC.SuppressFinalize(this);
    }
}
