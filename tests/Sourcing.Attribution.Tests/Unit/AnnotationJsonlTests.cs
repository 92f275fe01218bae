using System.Text.Json;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class AnnotationJsonlTests
{
    [Fact]
    public void ToLine_Attribution_RoundTripsEveryField()
    {
        // Arrange
        const string text = "Two officials said the talks failed because they were not allowed.";
        var reason = text.IndexOf("because", StringComparison.Ordinal);
        var attribution = new DetectedAttribution(new TextSpan(14, 18), new TextSpan(0, 13), new TextSpan(19, 35),
            QuoteKind.Indirect, "two officials", SourcingKind.Anonymous, EntityKind.Group, new TextSpan(reason, text.Length - 1));

        // Act
        var line = AnnotationJsonl.ToLine("a1", text, [attribution]);

        // Assert
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        root.GetProperty("id").GetString().ShouldBe("a1");
        root.GetProperty("text").GetString().ShouldBe(text);
        var a = root.GetProperty("attributions")[0];
        a.GetProperty("cue").GetProperty("text").GetString().ShouldBe("said");
        a.GetProperty("source").GetProperty("text").GetString().ShouldBe("Two officials");
        a.GetProperty("content").GetProperty("start").GetInt32().ShouldBe(19);
        a.GetProperty("quote").GetString().ShouldBe("indirect");
        a.GetProperty("speaker").GetString().ShouldBe("two officials");
        a.GetProperty("sourcing").GetString().ShouldBe("anonymous");
        a.GetProperty("entity").GetString().ShouldBe("group");
        a.GetProperty("anonymity_reason").GetProperty("text").GetString().ShouldBe(text[reason..^1]);
    }

    [Fact]
    public void ToLine_NoReason_WritesNull()
    {
        var attribution = new DetectedAttribution(new TextSpan(0, 1), new TextSpan(0, 1), new TextSpan(0, 1),
            QuoteKind.Direct, "x", SourcingKind.Named, EntityKind.Person, null);

        var line = AnnotationJsonl.ToLine("a", "x", [attribution]);

        JsonDocument.Parse(line).RootElement.GetProperty("attributions")[0].GetProperty("anonymity_reason").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void ToLine_LoneSurrogates_WritesReplacementCharacterKeepingLength()
    {
        const string text = "a\uD800b\uDC00c😀";

        var line = AnnotationJsonl.ToLine("\uDFFF", text, []);

        var root = JsonDocument.Parse(line).RootElement;
        root.GetProperty("text").GetString().ShouldBe("a\uFFFDb\uFFFDc😀");
        root.GetProperty("id").GetString().ShouldBe("\uFFFD");
    }

    [Theory]
    [InlineData(QuoteKind.Direct, "direct")]
    [InlineData(QuoteKind.Indirect, "indirect")]
    [InlineData(QuoteKind.Mixed, "mixed")]
    public void Label_QuoteKind_IsLowercaseName(QuoteKind kind, string expected) =>
        AnnotationJsonl.Label(kind).ShouldBe(expected);

    [Theory]
    [InlineData(EntityKind.Person, "person")]
    [InlineData(EntityKind.Group, "group")]
    [InlineData(EntityKind.Organization, "organization")]
    [InlineData(EntityKind.Document, "document")]
    public void Label_EntityKind_IsLowercaseName(EntityKind kind, string expected) =>
        AnnotationJsonl.Label(kind).ShouldBe(expected);
}
