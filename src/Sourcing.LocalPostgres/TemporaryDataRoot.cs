using Sourcing.LocalPostgres.Processes;

namespace Sourcing.LocalPostgres;

/// <summary>
/// Temporary server folders: <c>$TMPDIR/sourcing-pg-&lt;id&gt;/</c> holding <c>owner.pid</c> and <c>data/</c>.
/// Folders whose owner died without cleaning up are removed the next time one is created.
/// </summary>
internal static class TemporaryDataRoot
{
    private const string Prefix = "sourcing-pg-";
    private const string OwnerFile = "owner.pid";

    /// <summary>Creates a fresh folder and returns its data directory path.</summary>
    public static string Create()
    {
        RemoveAbandoned();
        var root = Path.Combine(Path.GetTempPath(), Prefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString());
        return Path.Combine(root, "data");
    }

    /// <summary>Deletes the folder created for <paramref name="dataDirectory"/>, retrying briefly while files are in use.</summary>
    public static void Delete(string dataDirectory)
    {
        var root = Path.GetDirectoryName(dataDirectory)!;
        for (var attempt = 0; attempt < 5 && Directory.Exists(root); attempt++)
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200);
            }
        }
    }

    private static void RemoveAbandoned()
    {
        foreach (var root in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            try
            {
                var ownerFile = Path.Combine(root, OwnerFile);
                var abandoned = File.Exists(ownerFile)
                    ? int.TryParse(File.ReadAllText(ownerFile), out var owner) && !ProcessTable.IsAlive(owner)
                    : Directory.GetCreationTimeUtc(root) < DateTime.UtcNow.AddMinutes(-5);
                if (abandoned)
                {
                    var dataDirectory = Path.Combine(root, "data");
                    PostgresDataDirectory.StopStaleServer(dataDirectory, TimeSpan.FromSeconds(5));
                    Delete(dataDirectory);
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another process is cleaning the same folder up, or it is not ours to clean.
            }
        }
    }
}
