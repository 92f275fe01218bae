using System.Text.Json;
using Sourcing.Cli.Input;

namespace Sourcing.Cli.Tests.Unit;

/// <summary>The README walkthrough ingests and analyzes samples/*.txt; they must stay usable.</summary>
public class SampleArticlesTests
{
    private static readonly string[] Samples = Directory.GetFiles(SamplesFolder(), "*.txt").Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Samples_EachHasTitleAndNewsLengthBody()
    {
        Samples.Length.ShouldBeGreaterThanOrEqualTo(3);
        foreach (var sample in Samples)
        {
            var article = ArticleFile.Parse(File.ReadAllText(sample));
            article.Title.ShouldNotBeNullOrWhiteSpace(sample);
            var words = article.Body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
            words.ShouldBeInRange(300, 650, sample);
        }
    }

    [Fact]
    public async Task Analyze_Samples_EveryArticleHasAttributionsWithExactSpans()
    {
        var run = await CliRun.RunAsync(["analyze", .. Samples]);

        run.ExitCode.ShouldBe(0, run.Error);
        run.OutLines.Length.ShouldBe(Samples.Length);
        for (var i = 0; i < Samples.Length; i++)
        {
            using var json = JsonDocument.Parse(run.OutLines[i]);
            json.RootElement.GetProperty("id").GetString().ShouldBe(Path.GetFileNameWithoutExtension(Samples[i]));
            var text = json.RootElement.GetProperty("text").GetString()!;
            text.ShouldBe(File.ReadAllText(Samples[i]));
            var attributions = json.RootElement.GetProperty("attributions").EnumerateArray().ToList();
            attributions.ShouldNotBeEmpty(Samples[i]);
            foreach (var span in attributions.Select(a => a.GetProperty("content")))
            {
                text[span.GetProperty("start").GetInt32()..span.GetProperty("end").GetInt32()].ShouldBe(span.GetProperty("text").GetString());
            }
        }
    }

    private static string SamplesFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var samples = Path.Combine(folder.FullName, "samples");
            if (Directory.Exists(samples) && File.Exists(Path.Combine(folder.FullName, "Directory.Build.props")))
            {
                return samples;
            }
        }
        throw new DirectoryNotFoundException("No samples/ folder above " + AppContext.BaseDirectory);
    }
}
