using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Tests.Support;

/// <summary>Runs the engine and finds attributions by their cue or content text.</summary>
internal static class Analysis
{
    public static IReadOnlyList<DetectedAttribution> Analyze(string text) => AttributionEngine.Default.Analyze(text);

    public static Document Run(string text) => AttributionEngine.Default.Run(text);

    public static DetectedAttribution ByCue(string text, string cue)
    {
        var found = Analyze(text).Where(a => a.Cue.Of(text) == cue).ToList();
        found.Count.ShouldBe(1, $"one attribution with cue '{cue}'; got: {Describe(text, Analyze(text))}");
        return found[0];
    }

    /// <summary>The n-th attribution (from 0) whose cue reads <paramref name="cue"/>.</summary>
    public static DetectedAttribution ByCue(string text, string cue, int n)
    {
        var found = Analyze(text).Where(a => a.Cue.Of(text) == cue).ToList();
        found.Count.ShouldBeGreaterThan(n, $"at least {n + 1} attributions with cue '{cue}'; got: {Describe(text, Analyze(text))}");
        return found[n];
    }

    public static string Describe(string text, IEnumerable<DetectedAttribution> attributions) =>
        string.Join(" | ", attributions.Select(a => $"[{a.Cue.Of(text)}] {a.Source.Of(text)} :: {a.Content.Of(text)}"));
}
