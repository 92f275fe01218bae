namespace Sourcing.AppHost;

/// <summary>
/// Keeps a second AppHost off the same data folder: an exclusive lock on <c>&lt;data folder&gt;.lock</c>, held while running
/// and released by the kernel when the process ends, however it ends.
/// </summary>
public sealed class InstanceLock : IDisposable
{
    private readonly FileStream _stream;

    private InstanceLock(FileStream stream) => _stream = stream;

    public static InstanceLock Acquire(string dataDirectory)
    {
        var path = dataDirectory.TrimEnd('/') + ".lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            using (var writer = new StreamWriter(stream, leaveOpen: true))
            {
                writer.Write(Environment.ProcessId);
            }

            return new InstanceLock(stream);
        }
        catch (IOException)
        {
            var owner = ReadOwner(path);
            throw new AppHostException(
                $"Another AppHost is already running on the data folder {dataDirectory} (pid {owner}, lock {path}). " +
                "Stop it first (Ctrl+C in its terminal), or give this one another --data-dir and other ports.");
        }
    }

    public void Dispose() => _stream.Dispose();

    private static string ReadOwner(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            return new StreamReader(stream).ReadToEnd().Trim();
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
