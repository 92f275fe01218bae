using System.Text.Json;
using CsCheck;

namespace Sourcing.Attribution.Tests.Functional;

/// <summary>Any string gives a result without exception, with every span inside the text.</summary>
public sealed class PropertyTests
{
    private static readonly string[] Fragments =
    [
        "“", "”", "\"", "‘", "’", "'", " said ", " told reporters ", "according to ", ", ", ". ", "\n\n",
        "Mr. ", "U.S. ", "officials", " who spoke on condition of anonymity because ", "Jane Roe", " she ",
        "the statement read", " — ", "(AP)", "\uD800", "\uDC00", "😀", "\0", "called for ", " and ", "that ",
    ];

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.String,
        Gen.Char.Array[0, 400].Select(c => new string(c)),
        Gen.Int[0, Fragments.Length - 1].Array[0, 80].Select(ix => string.Concat(ix.Select(i => Fragments[i]))),
        Gen.Char["\"“”‘’' .,\nA"].Array[0, 300].Select(c => new string(c)));

    [Fact]
    public void Analyze_AnyString_SpansInsideTextAndConsistent()
    {
        Texts.Sample(text =>
        {
            foreach (var a in AttributionEngine.Default.Analyze(text))
            {
                foreach (var span in new[] { a.Cue, a.Source, a.Content }.Concat(a.AnonymityReason is { } r ? [r] : []))
                {
                    span.Start.ShouldBeInRange(0, text.Length);
                    span.End.ShouldBeInRange(span.Start, text.Length);
                    span.Of(text).ShouldBe(text.Substring(span.Start, span.Length));
                }
                a.Speaker.ShouldNotBeNull();
            }
        }, iter: 400);
    }

    [Fact]
    public void ToLine_AnyString_IsValidJsonWithMatchingSpans()
    {
        Texts.Sample(text =>
        {
            var line = AnnotationJsonl.ToLine("id", text, AttributionEngine.Default.Analyze(text));
            using var json = JsonDocument.Parse(line);
            var written = json.RootElement.GetProperty("text").GetString()!;
            written.Length.ShouldBe(text.Length);
            foreach (var a in json.RootElement.GetProperty("attributions").EnumerateArray())
            {
                var cue = a.GetProperty("cue");
                var (start, end) = (cue.GetProperty("start").GetInt32(), cue.GetProperty("end").GetInt32());
                cue.GetProperty("text").GetString().ShouldBe(AnnotationJsonl.Sanitize(written[start..end]));
            }
        }, iter: 300);
    }

    [Fact]
    public void Analyze_HugeUnbalancedText_Completes()
    {
        var text = string.Concat(Enumerable.Repeat("“Officials said ‘the plan, \"which ", 20_000));

        var result = AttributionEngine.Default.Analyze(text);

        result.ShouldNotBeNull();
    }

    [Fact]
    public void Analyze_EmptyString_ReturnsNothing()
    {
        AttributionEngine.Default.Analyze("").ShouldBeEmpty();
    }

    [Fact]
    public void Analyze_ConcurrentCalls_GiveTheSameResult()
    {
        const string text = "“We will build it,” Mayor Jane Roe said. Two officials said the plan was late.";
        var expected = AttributionEngine.Default.Analyze(text);

        var results = new IReadOnlyList<DetectedAttribution>[64];
        Parallel.For(0, results.Length, i => results[i] = AttributionEngine.Default.Analyze(text));

        results.ShouldAllBe(r => r.SequenceEqual(expected));
    }
}
