using Sourcing.Cli.Input;

namespace Sourcing.Cli.Tests.Unit;

public class ArticleFileTests
{
    [Fact]
    public void Parse_TitleBlankLineAndBody_SplitsAtFirstLine()
    {
        var file = ArticleFile.Parse("Dockworkers walk out\n\nFirst paragraph.\n\nSecond paragraph.\n");

        file.Title.ShouldBe("Dockworkers walk out");
        file.Body.ShouldBe("First paragraph.\n\nSecond paragraph.\n");
    }

    [Fact]
    public void Parse_CrLfLineEndings_TitleHasNoCarriageReturn()
    {
        var file = ArticleFile.Parse("A title\r\n\r\nThe body.\r\n");

        file.Title.ShouldBe("A title");
        file.Body.ShouldBe("The body.\r\n");
    }

    [Fact]
    public void Parse_BodyRightAfterTitle_KeepsBodyAsWritten()
    {
        var file = ArticleFile.Parse("  Spaced title  \n  Indented first line.\nSecond line.");

        file.Title.ShouldBe("Spaced title");
        file.Body.ShouldBe("  Indented first line.\nSecond line.");
    }

    [Theory]
    [InlineData("Only a title", "Only a title")]
    [InlineData("Only a title\n", "Only a title")]
    [InlineData("Only a title\n\n  \n", "Only a title")]
    [InlineData("", "")]
    public void Parse_NoBody_BodyIsEmpty(string text, string title)
    {
        var file = ArticleFile.Parse(text);

        file.Title.ShouldBe(title);
        file.Body.ShouldBeEmpty();
    }
}
