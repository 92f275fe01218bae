using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost;

/// <summary>The migration step: <c>dotnet Sourcing.X.dll migrate</c> for each service, in order, before any service starts.</summary>
public static class MigrationStep
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string ResourceName(ServiceDefinition service) => service.Name + "-migrate";

    public static async Task RunAsync(
        AppHostOptions options, ServiceDefinition service, string connectionString, ResourceBoard board, ConsoleLog log, CancellationToken cancellationToken)
    {
        var name = ResourceName(service);
        var resource = board.Add(name, "Migration", "-");
        board.Set(resource, ResourceState.Starting);
        try
        {
            await ChildProcess.RunAsync(
                new ChildProcessStartInfo
                {
                    FileName = DotnetHost.Path,
                    Arguments = [service.AssemblyPath(options.RepositoryRoot, options.Configuration), "migrate"],
                    WorkingDirectory = service.ProjectDirectory(options.RepositoryRoot),
                    Environment = ServiceEnvironment.For(service, options.Services, connectionString),
                },
                Timeout,
                line => log.Line(name, line.Text, line.IsError),
                cancellationToken);
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            board.Set(resource, ResourceState.Failed);
            throw new AppHostException($"The migration step of {service.Name} failed: {exception.Message}");
        }

        board.Set(resource, ResourceState.Finished);
    }
}
