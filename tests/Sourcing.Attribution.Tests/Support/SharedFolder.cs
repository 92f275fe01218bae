using System.Diagnostics;
using System.Text.Json;

namespace Sourcing.Attribution.Tests.Support;

/// <summary>
/// The project's shared folder (seeds, gold, scorer): ../shared beside the repository root,
/// the folder that holds Microservices.sln. Also runs the real scorer.
/// </summary>
internal static class SharedFolder
{
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Microservices.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Microservices.sln not found above the test folder.");
    }

    public static string Path_ => System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot(), "..", "shared"));

    /// <summary>Writes the engine's output for every gold article and scores it with score.py --json.</summary>
    public static JsonElement Score(string goldPath)
    {
        var system = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"sourcing-engine-{Guid.NewGuid():N}.jsonl");
        try
        {
            using (var writer = new StreamWriter(system))
            {
                foreach (var line in File.ReadLines(goldPath).Where(l => l.Trim().Length > 0))
                {
                    using var gold = JsonDocument.Parse(line);
                    var id = gold.RootElement.GetProperty("id").GetString()!;
                    var text = gold.RootElement.GetProperty("text").GetString()!;
                    writer.WriteLine(AnnotationJsonl.ToLine(id, text, AttributionEngine.Default.Analyze(text)));
                }
            }
            var scorer = System.IO.Path.Combine(Path_, "tools", "score.py");
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(scorer);
            start.ArgumentList.Add(goldPath);
            start.ArgumentList.Add(system);
            start.ArgumentList.Add("--json");
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill();
                throw new TimeoutException("score.py did not finish in 60 seconds.");
            }
            process.ExitCode.ShouldBe(0, stderr.Result);
            return JsonDocument.Parse(stdout.Result).RootElement.Clone();
        }
        finally
        {
            File.Delete(system);
        }
    }

    public static double Value(JsonElement result, string metric) =>
        result.GetProperty(metric).ValueKind == JsonValueKind.Number
            ? result.GetProperty(metric).GetDouble()
            : result.GetProperty(metric).GetProperty("value").GetDouble();
}
