namespace Sourcing.AppHost.Tests.Unit;

public sealed class RepositoryRootTests
{
    [Fact]
    public void Find_FromTestBinaries_ReturnsFolderWithSolution()
    {
        var root = RepositoryRoot.Find();

        File.Exists(Path.Combine(root, "Microservices.sln")).ShouldBeTrue();
    }

    [Fact]
    public void Find_OutsideAnyRepository_ThrowsNamingTheSolution()
    {
        var exception = Should.Throw<InvalidOperationException>(() => RepositoryRoot.Find("/"));

        exception.Message.ShouldContain("Microservices.sln");
    }

    [Fact]
    public void AssemblyPath_Ingest_IsTheBuildOutputOfItsProject()
    {
        var service = new ServiceDefinition("ingest", "Sourcing.Ingest", 7101, 7111);

        service.AssemblyPath("/repo", "Release").ShouldBe("/repo/src/Sourcing.Ingest/bin/Release/net10.0/Sourcing.Ingest.dll");
    }
}
