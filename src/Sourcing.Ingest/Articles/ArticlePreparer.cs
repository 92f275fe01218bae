using Sourcing.Contracts.V1;

namespace Sourcing.Ingest.Articles;

/// <summary>Turns a valid request into the article to store: text extracted and normalized, title found, fingerprinted.</summary>
public static class ArticlePreparer
{
    public static SubmittedArticle Prepare(IngestArticleRequest request)
    {
        var (extractedTitle, rawText) = request.ContentType == ContentType.Html
            ? HtmlText.Extract(request.Body)
            : ("", request.Body);
        var text = TextNormalizer.Normalize(rawText);
        var found = MetadataExtractor.Extract(text);
        var title = FirstNonEmpty(
            TextNormalizer.Normalize(request.Title), TextNormalizer.Normalize(extractedTitle), found.Title ?? "", FirstWords(text));
        return new SubmittedArticle(
            NullIfEmpty(request.ExternalId.Trim()),
            NullIfEmpty(request.Url.Trim()),
            title,
            NullIfEmpty(request.Outlet.Trim()) ?? found.Outlet,
            NullIfEmpty(request.Byline.Trim()) ?? found.Byline,
            found.Dateline,
            request.PublishTime?.ToDateTime() ?? found.PublishedAt,
            (short)request.ContentType,
            request.Body,
            text,
            ArticleFingerprint.Of(text));
    }

    /// <summary>A title for a text that has none: its first words, cut at a word boundary.</summary>
    private static string FirstWords(string text)
    {
        const int max = 120;
        var end = text.IndexOf('\n');
        var line = end < 0 ? text : text[..end];
        if (line.Length <= max)
        {
            return line;
        }
        var cut = line.LastIndexOf(' ', max);
        return (cut > 40 ? line[..cut] : line[..max]) + "…";
    }

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
