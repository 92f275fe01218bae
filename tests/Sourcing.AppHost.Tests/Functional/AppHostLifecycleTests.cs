using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost.Tests.Functional;

public sealed class AppHostLifecycleTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_SigIntWhenHealthy_StopsEverythingAndLeavesNoProcess()
    {
        // Arrange
        await using var appHost = AppHostProcess.Start();
        await appHost.WaitHealthyAsync(StartTimeout);
        var children = ProcessTable.Descendants(appHost.Id);

        // Act
        appHost.Signal(ProcessSignal.Interrupt);
        var exitCode = await appHost.Exited.WaitAsync(StopTimeout);

        // Assert
        exitCode.ShouldBe(0, appHost.Output);
        children.Count.ShouldBeGreaterThanOrEqualTo(4, "postgres and three services were expected as children");
        children.Where(ProcessTable.IsAlive).ShouldBeEmpty(appHost.Output);
        ProcessTable.FindByCommandLine(appHost.DataDirectory).ShouldBeEmpty();
        appHost.Output.ShouldContain("Sourcing is healthy");
        appHost.Output.ShouldContain("postgres: Stopped");
    }

    [Fact]
    public async Task Run_AppHostKilled_ChildrenDieWithIt()
    {
        // Arrange
        await using var appHost = AppHostProcess.Start();
        await appHost.WaitHealthyAsync(StartTimeout);
        var children = ProcessTable.Descendants(appHost.Id);

        // Act: SIGKILL leaves the AppHost no chance to clean up; the kernel's parent-death signal must.
        appHost.KillAppHostOnly();
        await appHost.Exited.WaitAsync(StopTimeout);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (children.Any(ProcessTable.IsAlive) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Assert
        children.Where(ProcessTable.IsAlive).ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_PortAlreadyInUse_RefusesNamingThePort()
    {
        // Arrange
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;

        // Act
        await using var appHost = AppHostProcess.Start(ingestPort: port);
        var exitCode = await appHost.Exited.WaitAsync(StopTimeout);

        // Assert
        exitCode.ShouldBe(1);
        appHost.Output.ShouldContain($"{port} (ingest gRPC)");
        appHost.Output.ShouldContain("Another AppHost is probably running");
    }

    [Fact]
    public async Task Run_DataFolderLockedByAnotherAppHost_RefusesClearly()
    {
        // Arrange: hold the lock the way a running AppHost does.
        var dataDirectory = AppHostProcess.NewDataDirectory();
        using (new FileStream(dataDirectory + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            // Act
            await using var appHost = AppHostProcess.Start(dataDirectory);
            var exitCode = await appHost.Exited.WaitAsync(StopTimeout);

            // Assert
            exitCode.ShouldBe(1);
            appHost.Output.ShouldContain("Another AppHost is already running");
        }
    }
}
