namespace Sourcing.AppHost.Tests.Support;

/// <summary>
/// A <c>prometheus</c> for PATH where none is installed: a script that records its arguments and serves
/// <c>/-/ready</c> on the <c>--web.listen-address</c> it is given (python3's http.server), as the real one would.
/// </summary>
internal sealed class FakePrometheus : IDisposable
{
    private const string Script = """
        #!/bin/sh
        folder="$(dirname "$0")"
        printf '%s\n' "$@" > "$folder/arguments"
        for argument in "$@"; do
          case "$argument" in --web.listen-address=*) address="${argument#--web.listen-address=}" ;; esac
        done
        exec python3 -m http.server "${address##*:}" --bind "${address%:*}" --directory "$folder/site"
        """;

    public FakePrometheus()
    {
        Folder = Path.Combine(Path.GetTempPath(), "sourcing-fake-prometheus-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(Path.Combine(Folder, "site", "-"));
        File.WriteAllText(Path.Combine(Folder, "site", "-", "ready"), "Prometheus Server is Ready.\n");
        var executable = Path.Combine(Folder, "prometheus");
        File.WriteAllText(executable, Script.ReplaceLineEndings("\n") + "\n");
        File.SetUnixFileMode(executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    /// <summary>The folder to put first on PATH.</summary>
    public string Folder { get; }

    /// <summary>PATH with this folder first.</summary>
    public string SearchPath => Folder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");

    /// <summary>The arguments the AppHost started it with, one per line; empty before it was started.</summary>
    public IReadOnlyList<string> Arguments =>
        File.Exists(Path.Combine(Folder, "arguments")) ? File.ReadAllLines(Path.Combine(Folder, "arguments")) : [];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
