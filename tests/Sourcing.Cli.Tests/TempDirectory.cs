using System.Text;

namespace Sourcing.Cli.Tests;

/// <summary>A folder of test files, deleted when the test ends.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("sourcing-cli-tests-").FullName;

    /// <summary>Writes UTF-8 without a byte order mark, byte for byte as given.</summary>
    public string Write(string name, string content)
    {
        var path = System.IO.Path.Combine(Path, name);
        File.WriteAllText(path, content, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        return path;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
