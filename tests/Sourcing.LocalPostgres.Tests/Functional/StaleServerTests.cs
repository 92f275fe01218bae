using Sourcing.LocalPostgres.Processes;

namespace Sourcing.LocalPostgres.Tests.Functional;

public sealed class StaleServerTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task StartAsync_PersistentFolderWithServerLeftRunning_StopsItAndStarts()
    {
        // Arrange: a server whose owner "died" (never stopped it), simulated by starting the same folder twice.
        var parent = Directory.CreateTempSubdirectory("pg-stale-");
        parent.UnixFileMode |= UnixFileMode.OtherExecute;
        var options = new LocalPostgresOptions { DataDirectory = Path.Combine(parent.FullName, "postgres"), Fsync = false };
        try
        {
            var abandoned = await LocalPostgresServer.StartAsync(options).WaitAsync(Timeout);

            // Act
            await using var second = await LocalPostgresServer.StartAsync(options).WaitAsync(Timeout);

            // Assert
            ProcessTable.IsAlive(abandoned.ProcessId).ShouldBeFalse();
            second.IsRunning.ShouldBeTrue();
            await abandoned.DisposeAsync();
        }
        finally
        {
            parent.Delete(recursive: true);
        }
    }
}
