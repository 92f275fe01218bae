using Sourcing.Ingest.Articles;

namespace Sourcing.Ingest.Tests.Unit;

public sealed class TextNormalizerTests
{
    [Fact]
    public void Normalize_DecomposedAccents_ComposesToNfc()
    {
        var decomposed = "Jose\u0301 said";

        var normalized = TextNormalizer.Normalize(decomposed);

        normalized.ShouldBe("Jos\u00E9 said");
    }

    [Fact]
    public void Normalize_CrLfAndRunsOfBlankLines_KeepsOneBlankLineBetweenParagraphs()
    {
        var text = "Title\r\n\r\n\r\n\r\nFirst  paragraph.\r\nSame paragraph.\r\n\r\nSecond.";

        var normalized = TextNormalizer.Normalize(text);

        normalized.ShouldBe("Title\n\nFirst paragraph.\nSame paragraph.\n\nSecond.");
    }

    [Fact]
    public void Normalize_ControlCharactersAndTabs_RemovesControlsAndFoldsSpace()
    {
        var text = "  The\tmayor\u0007 said\u200B  \u00A0yes.  \n\u0000";

        var normalized = TextNormalizer.Normalize(text);

        normalized.ShouldBe("The mayor said yes.");
    }

    [Fact]
    public void Normalize_OnlyWhitespace_ReturnsEmpty()
    {
        TextNormalizer.Normalize(" \n\t\r\n ").ShouldBe("");
    }
}
