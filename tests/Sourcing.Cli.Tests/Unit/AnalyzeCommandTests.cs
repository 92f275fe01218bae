using System.Text.Json;

namespace Sourcing.Cli.Tests.Unit;

public class AnalyzeCommandTests : IDisposable
{
    // CRLF line ends, curly quotes, accents and an emoji (two UTF-16 code units) before the
    // quote: offsets must still index the text exactly as the file holds it.
    private const string Article =
        "Ferry service resumes 🚢 after storm\r\n\r\n" +
        "“We expect the first crossing to leave at dawn,” José Ortiz said on Tuesday.\r\n" +
        "\"Passengers should check the timetable before they travel,\" Ortiz said.\r\n";

    private readonly TempDirectory _files = new();

    [Fact]
    public async Task Analyze_TextFile_WritesOneAnnotationLineWithExactSpans()
    {
        var path = _files.Write("ferry-service.txt", Article);

        var run = await CliRun.RunAsync(["analyze", path]);

        run.ExitCode.ShouldBe(0, run.Error);
        var line = run.OutLines.ShouldHaveSingleItem();
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        root.GetProperty("id").GetString().ShouldBe("ferry-service");
        var text = root.GetProperty("text").GetString()!;
        text.ShouldBe(Article);
        var attributions = root.GetProperty("attributions").EnumerateArray().ToList();
        attributions.ShouldNotBeEmpty();
        attributions.ShouldContain(a => a.GetProperty("content").GetProperty("text").GetString()!.Contains("first crossing"));
        foreach (var attribution in attributions)
        {
            foreach (var field in new[] { "cue", "source", "content" })
            {
                AssertSpanIndexesText(attribution.GetProperty(field), text);
            }
            if (attribution.GetProperty("anonymity_reason").ValueKind != JsonValueKind.Null)
            {
                AssertSpanIndexesText(attribution.GetProperty("anonymity_reason"), text);
            }
            attribution.GetProperty("quote").GetString().ShouldBeOneOf("direct", "indirect", "mixed");
            attribution.GetProperty("sourcing").GetString().ShouldBeOneOf("named", "anonymous");
            attribution.GetProperty("entity").GetString().ShouldBeOneOf("person", "group", "organization", "document");
        }
        run.Error.ShouldContain("analyzed 1 article, ");
        run.Out.ShouldNotContain("analyzed");
    }

    [Fact]
    public async Task Analyze_ManyFilesAndJsonl_OutputKeepsInputOrder()
    {
        var paths = Enumerable.Range(0, 60)
            .Select(i => _files.Write($"article-{i:D3}.txt", $"Title {i}\n\n\"Statement number {i} is ready,\" Ana Ruiz said.\n"))
            .ToList();
        var jsonl = _files.Write("more.jsonl", "{\"id\":\"j1\",\"text\":\"One.\"}\n\n{\"id\":\"j2\",\"text\":\"Two.\"}\n");
        string[] args = ["analyze", .. paths.Take(30), jsonl, .. paths.Skip(30)];

        var run = await CliRun.RunAsync(args);

        run.ExitCode.ShouldBe(0, run.Error);
        string[] expected = [.. Enumerable.Range(0, 30).Select(i => $"article-{i:D3}"), "j1", "j2", .. Enumerable.Range(30, 30).Select(i => $"article-{i:D3}")];
        run.OutLines.Select(Id).ShouldBe(expected);
        run.Error.ShouldContain("analyzed 62 articles");
    }

    [Fact]
    public async Task Analyze_BadJsonlLineAndMissingFile_ReportedOnStderrOthersStillWritten()
    {
        var jsonl = _files.Write("mixed.jsonl", "{\"id\":\"good1\",\"text\":\"A.\"}\n{oops\n{\"id\":\"good2\",\"text\":\"B.\"}\n");
        var missing = Path.Combine(_files.Path, "missing.txt");

        var run = await CliRun.RunAsync(["analyze", jsonl, missing]);

        run.ExitCode.ShouldBe(1);
        run.OutLines.Select(Id).ShouldBe(["good1", "good2"]);
        run.Error.ShouldContain($"{jsonl}:2: not valid JSON");
        run.Error.ShouldContain($"{missing}: file not found");
        run.Error.ShouldContain("2 inputs skipped");
    }

    [Fact]
    public async Task Analyze_DashArgument_ReadsJsonlFromStandardInput()
    {
        var stdin = "{\"id\":\"from-stdin\",\"text\":\"\\\"The bridge is safe,\\\" Karl Vogt said.\"}\n";

        var run = await CliRun.RunAsync(["analyze", "-"], standardInput: stdin);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutLines.Select(Id).ShouldBe(["from-stdin"]);
    }

    [Fact]
    public async Task Analyze_NoFiles_UsageErrorWithExitCode2()
    {
        var run = await CliRun.RunAsync(["analyze"]);

        run.ExitCode.ShouldBe(2);
        run.Out.ShouldBeEmpty();
        run.Error.ShouldContain("error:");
    }

    private static string Id(string line)
    {
        using var json = JsonDocument.Parse(line);
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static void AssertSpanIndexesText(JsonElement span, string text)
    {
        var start = span.GetProperty("start").GetInt32();
        var end = span.GetProperty("end").GetInt32();
        start.ShouldBeInRange(0, end);
        end.ShouldBeLessThanOrEqualTo(text.Length);
        text[start..end].ShouldBe(span.GetProperty("text").GetString());
    }

    public void Dispose() => _files.Dispose();
}
