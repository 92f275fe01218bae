using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost.Tests.Support;

/// <summary>Debian's <c>chromium</c> in headless mode: loads a page and returns the DOM it rendered.</summary>
public static class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    public static string? Path { get; } = Candidates.FirstOrDefault(File.Exists);

    public static async Task<string> DumpDomAsync(string url, TimeSpan timeout)
    {
        var profile = Directory.CreateTempSubdirectory("sourcing-chromium-");
        try
        {
            return await ChildProcess.RunAsync(
                new ChildProcessStartInfo
                {
                    FileName = Path ?? throw new InvalidOperationException("chromium is not installed (apt-get install -y chromium)."),
                    Arguments =
                    [
                        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage",
                        "--no-first-run", $"--user-data-dir={profile.FullName}", "--dump-dom", url,
                    ],
                    Environment = new Dictionary<string, string?> { ["HOME"] = profile.FullName },
                    TailLineCount = 100_000,
                },
                timeout);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }
}
