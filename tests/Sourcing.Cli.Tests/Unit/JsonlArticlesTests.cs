using Sourcing.Cli.Input;

namespace Sourcing.Cli.Tests.Unit;

public class JsonlArticlesTests
{
    [Fact]
    public void Read_ValidLines_ReturnsArticlesInOrder()
    {
        var jsonl = "{\"id\":\"a\",\"text\":\"First.\"}\n{\"id\":\"b\",\"text\":\"Second \\\"quoted\\\".\"}\n";

        var inputs = JsonlArticles.Read(new StringReader(jsonl), "in.jsonl").ToList();

        inputs.ShouldBe([
            new JsonlArticleInput("in.jsonl:1", "a", "First."),
            new JsonlArticleInput("in.jsonl:2", "b", "Second \"quoted\"."),
        ]);
    }

    [Fact]
    public void Read_BlankLines_SkippedButCountedInLineNumbers()
    {
        var jsonl = "\n   \n{\"id\":\"a\",\"text\":\"x\"}\r\n\r\n{\"id\":\"b\",\"text\":\"y\"}";

        var inputs = JsonlArticles.Read(new StringReader(jsonl), "f.jsonl").ToList();

        inputs.Select(i => i.Origin).ShouldBe(["f.jsonl:3", "f.jsonl:5"]);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("{\"id\":\"a\",\"text\":", "not valid JSON")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("{\"text\":\"x\"}", "\"id\" must be a non-empty string")]
    [InlineData("{\"id\":\"\",\"text\":\"x\"}", "\"id\" must be a non-empty string")]
    [InlineData("{\"id\":7,\"text\":\"x\"}", "\"id\" must be a non-empty string")]
    [InlineData("{\"id\":\"a\"}", "\"text\" must be a string")]
    [InlineData("{\"id\":\"a\",\"text\":null}", "\"text\" must be a string")]
    public void Read_BadLine_ReportsFileAndLineAndGoesOn(string badLine, string message)
    {
        var jsonl = "{\"id\":\"a\",\"text\":\"x\"}\n" + badLine + "\n{\"id\":\"c\",\"text\":\"z\"}\n";

        var inputs = JsonlArticles.Read(new StringReader(jsonl), "f.jsonl").ToList();

        inputs.Count.ShouldBe(3);
        var bad = inputs[1].ShouldBeOfType<BadInput>();
        bad.Origin.ShouldBe("f.jsonl:2");
        bad.Message.ShouldContain(message);
        inputs[2].ShouldBeOfType<JsonlArticleInput>().Id.ShouldBe("c");
    }

    [Fact]
    public void ParseLine_ExtraFields_AreIgnored()
    {
        var input = JsonlArticles.ParseLine("{\"id\":\"g1\",\"text\":\"T\",\"attributions\":[{\"cue\":{}}]}", "gold.jsonl:1");

        input.ShouldBe(new JsonlArticleInput("gold.jsonl:1", "g1", "T"));
    }
}
