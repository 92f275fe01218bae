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

    // Void elements, and elements the parser closes by itself (a new <p> ends the open one), add no depth.
    private static readonly HashSet<string> Flat = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "tbody", "thead", "tfoot", "colgroup", "caption",
        "html", "head", "body",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FlatLookup = Flat.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether the markup nests deeper than <paramref name="maxDepth"/> elements, estimated in one pass over its
    /// tags without parsing. The parser slows down with depth much faster than with size (10,000 nested divs
    /// take seconds, 100,000 over a minute), so such a page is refused before it is parsed.
    /// </summary>
    public static bool NestsDeeperThan(string html, int maxDepth)
    {
        var depth = 0;
        var i = html.IndexOf('<');
        while (i >= 0 && i < html.Length - 1)
        {
            var closing = html[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var end = start;
            while (end < html.Length && char.IsAsciiLetterOrDigit(html[end]))
            {
                end++;
            }
            var tagEnd = end;
            while (tagEnd < html.Length && html[tagEnd] is not ('>' or '<'))
            {
                tagEnd++;
            }
            var named = end > start && char.IsAsciiLetter(html[start]) && !FlatLookup.Contains(html.AsSpan(start, end - start));
            var selfClosing = tagEnd < html.Length && html[tagEnd] == '>' && html[tagEnd - 1] == '/';
            if (named && closing)
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (named && !selfClosing && ++depth > maxDepth)
            {
                return true;
            }
            i = tagEnd < html.Length && html[tagEnd] == '<' ? tagEnd : html.IndexOf('<', Math.Min(tagEnd + 1, html.Length));
        }
        return false;
    }

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
