namespace Sourcing.Testing;

/// <summary>Where the repository and the shared folder beside it (gold, seeds, scorer) are, wherever tests run from.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding Microservices.sln.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The project's own sample articles.</summary>
    public static string Samples => Path.Combine(Root, "samples");

    /// <summary>The shared folder beside the repository (../shared).</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException($"No Microservices.sln above {AppContext.BaseDirectory}.");
    }
}
