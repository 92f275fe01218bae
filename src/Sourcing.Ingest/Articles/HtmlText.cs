using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// The readable text of an HTML page: the article element (or body) without scripts, navigation,
/// captions and other boilerplate, one paragraph per block element.
/// </summary>
public static class HtmlText
{
    private static readonly string[] Boilerplate =
        ["script", "style", "noscript", "nav", "header", "footer", "aside", "figure", "figcaption", "form", "iframe", "svg", "button"];

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
        { "P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "TD", "DIV" };

    public static (string Title, string Text) Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var element in document.QuerySelectorAll(string.Join(',', Boilerplate)).ToList())
        {
            element.Remove();
        }
        var root = (IElement?)document.QuerySelector("article") ?? document.Body;
        var paragraphs = new List<string>();
        if (root is not null)
        {
            Collect(root, paragraphs);
        }
        var title = document.QuerySelector("h1")?.TextContent.Trim() ?? document.Title?.Trim() ?? "";
        return (title, string.Join("\n\n", paragraphs));
    }

    private static void Collect(IElement element, List<string> paragraphs)
    {
        var hasBlockChild = element.Children.Any(c => Blocks.Contains(c.TagName));
        if (!hasBlockChild)
        {
            var text = element.TextContent.Trim();
            if (text.Length > 0)
            {
                paragraphs.Add(text);
            }
            return;
        }
        foreach (var child in element.Children)
        {
            Collect(child, paragraphs);
        }
    }
}
