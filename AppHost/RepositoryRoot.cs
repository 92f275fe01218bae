namespace Sourcing.AppHost;

/// <summary>Finds the repository root: the nearest folder up from the AppHost's binaries that holds Microservices.sln.</summary>
public static class RepositoryRoot
{
    private const string SolutionFile = "Microservices.sln";

    public static string Find(string? start = null)
    {
        for (var directory = new DirectoryInfo(start ?? AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"Cannot find {SolutionFile} above {start ?? AppContext.BaseDirectory}: run the AppHost from the repository (dotnet run --project AppHost).");
    }
}
