using Sourcing.Contracts.V1;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Sourcing.Cli.Output;

/// <summary>Renders an article and its attributions: a short header, then one table row per attribution.</summary>
internal static class ArticleView
{
    private const int ContentWidth = 80;
    private const int ReasonWidth = 60;

    public static void Write(IAnsiConsole console, GetArticleResponse response)
    {
        var article = response.Article ?? new Article();
        var header = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        AddField(header, "Title", article.Title);
        AddField(header, "Id", article.ArticleId);
        AddField(header, "Outlet", article.Outlet.Length > 0 ? article.Outlet : "(unknown)");
        if (article.PublishTime is { } published)
        {
            AddField(header, "Published", published.ToDateTimeOffset().ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture));
        }
        AddField(header, "State", Labels.Of(article.State));
        AddField(header, "Attributions", response.Attributions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        console.Write(header);
        console.WriteLine();

        if (response.Attributions.Count == 0)
        {
            console.WriteLine(article.State == ArticleState.Analyzed
                ? "No attributions found."
                : $"No attributions yet: the article is {Labels.Of(article.State)}; try again once it is ANALYZED.");
            return;
        }

        var table = new Table().AddColumns("#", "Speaker", "Sourcing", "Entity", "Quote", "Cue", "Content", "Anonymity reason");
        var number = 0;
        foreach (var a in response.Attributions)
        {
            table.AddRow(Cells(
                (++number).ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.Speaker,
                Labels.Lower(a.Sourcing),
                Labels.Lower(a.Entity),
                Labels.Lower(a.QuoteType),
                a.Cue?.Text ?? "",
                Labels.Truncate(a.Content?.Text, ContentWidth),
                Labels.Truncate(a.AnonymityReason?.Text, ReasonWidth)));
        }
        console.Write(table);
    }

    private static void AddField(Grid grid, string name, string value) =>
        grid.AddRow(new Text(name + ":", new Style(decoration: Decoration.Bold)), new Text(value));

    private static IEnumerable<IRenderable> Cells(params string[] values) => values.Select(v => new Text(v));
}
