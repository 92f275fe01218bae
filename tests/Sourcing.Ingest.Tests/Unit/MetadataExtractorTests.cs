using Sourcing.Ingest.Articles;

namespace Sourcing.Ingest.Tests.Unit;

public sealed class MetadataExtractorTests
{
    [Fact]
    public void Extract_HeadlineBylineAndDashDateline_FindsEach()
    {
        const string text = "Ferry service resumes after storm\n\n- By Rosa Lind and Tomas Berg,\n\nPORT ELLEN, Islay — The first ferry left at dawn, the operator said.";

        var found = MetadataExtractor.Extract(text);

        found.Title.ShouldBe("Ferry service resumes after storm");
        found.Byline.ShouldBe("Rosa Lind and Tomas Berg");
        found.Dateline.ShouldBe("PORT ELLEN");
    }

    [Fact]
    public void Extract_IsoDateLineAndWireDateline_FindsDateAndPlace()
    {
        const string text = " date 2024-03-09 \n\nKESTREL BAY (AP) — Fishing crews returned to port on Friday.";

        var found = MetadataExtractor.Extract(text);

        found.PublishedAt.ShouldBe(new DateTime(2024, 3, 9, 0, 0, 0, DateTimeKind.Utc));
        found.Dateline.ShouldBe("KESTREL BAY");
        found.Title.ShouldBeNull();
    }

    [Theory]
    [InlineData("Published April 7, 2021", 2021, 4, 7)]
    [InlineData("Updated Sept. 12, 2023 at 9:00", 2023, 9, 12)]
    [InlineData("7 April 2021", 2021, 4, 7)]
    public void Extract_WrittenDates_ParsesThem(string line, int year, int month, int day)
    {
        var found = MetadataExtractor.Extract($"Headline\n{line}\n\nBody text follows here.");

        found.PublishedAt.ShouldBe(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void Extract_SourceLineAtTheEnd_FindsOutlet()
    {
        var body = string.Join("\n\n", Enumerable.Range(1, 20).Select(i => $"Paragraph {i} of the story."));

        var found = MetadataExtractor.Extract($"Headline\n\n{body}\n\nSource: Harbor Gazette");

        found.Outlet.ShouldBe("Harbor Gazette");
    }

    [Fact]
    public void Extract_PlainProse_FindsNoBylineDatelineOrDate()
    {
        var found = MetadataExtractor.Extract("The council met on Tuesday.\n\nBy the end of the night, the budget had passed, members said.");

        found.Byline.ShouldBeNull();
        found.Dateline.ShouldBeNull();
        found.PublishedAt.ShouldBeNull();
        found.Title.ShouldBe("The council met on Tuesday.");
    }
}
