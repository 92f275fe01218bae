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
        var title = FirstNonEmpty(TextNormalizer.Normalize(request.Title), TextNormalizer.Normalize(extractedTitle), FirstLine(text));
        return new SubmittedArticle(
            NullIfEmpty(request.ExternalId.Trim()),
            NullIfEmpty(request.Url.Trim()),
            title,
            NullIfEmpty(request.Outlet.Trim()),
            NullIfEmpty(request.Byline.Trim()),
            request.PublishTime?.ToDateTime(),
            (short)request.ContentType,
            request.Body,
            text,
            ArticleFingerprint.Of(text));
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n');
        var line = end < 0 ? text : text[..end];
        return line.Length <= 300 ? line : line[..300];
    }

    private static string FirstNonEmpty(params string[] values) => values.FirstOrDefault(v => v.Length > 0) ?? "";

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
