using System.Text;
using Google.Rpc;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;

namespace Sourcing.Ingest.Grpc;

/// <summary>Checks an <see cref="IngestArticleRequest"/> field by field; every problem becomes a field violation.</summary>
public static class IngestRequestValidator
{
    private static readonly DateTime EarliestPublishTime = new(1800, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan FutureAllowance = TimeSpan.FromDays(2);

    /// <summary>How deeply HTML may nest; real pages stay far below, and deeper ones cost the parser minutes.</summary>
    public const int MaxHtmlDepth = 2000;

    public static List<BadRequest.Types.FieldViolation> Validate(IngestArticleRequest request, int maxBodyBytes, DateTime now)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        void Add(string field, string description) =>
            violations.Add(new BadRequest.Types.FieldViolation { Field = field, Description = description });

        if (string.IsNullOrWhiteSpace(request.Body))
        {
            Add("body", "The body is required and must contain text.");
        }
        else if (Encoding.UTF8.GetByteCount(request.Body) > maxBodyBytes)
        {
            Add("body", $"The body is {Encoding.UTF8.GetByteCount(request.Body)} bytes; the limit is {maxBodyBytes}.");
        }
        else if (request.ContentType == ContentType.Html && Articles.HtmlText.NestsDeeperThan(request.Body, MaxHtmlDepth))
        {
            Add("body", $"The HTML nests elements more than {MaxHtmlDepth} deep.");
        }
        if (request.ContentType == ContentType.Unspecified)
        {
            Add("content_type", "The content type is required: CONTENT_TYPE_TEXT or CONTENT_TYPE_HTML.");
        }
        else if (!Enum.IsDefined(request.ContentType))
        {
            Add("content_type", $"Unknown content type {(int)request.ContentType}.");
        }
        if (request.Url.Length > 0 && !IsHttpUrl(request.Url))
        {
            Add("url", "The URL must be an absolute http or https URL.");
        }
        if (request.PublishTime is { } published)
        {
            var time = RequestValues.IsValid(published) ? published.ToDateTime() : DateTime.MinValue;
            if (time < EarliestPublishTime || time > now + FutureAllowance)
            {
                Add("publish_time", $"The publish time must lie between {EarliestPublishTime:yyyy-MM-dd} and two days from now.");
            }
        }
        CheckStorable(request.Body, "body", Add);
        CheckStorable(request.RequestId, "request_id", Add);
        CheckStorable(request.ExternalId, "external_id", Add);
        CheckStorable(request.Url, "url", Add);
        CheckStorable(request.Outlet, "outlet", Add);
        CheckStorable(request.Byline, "byline", Add);
        CheckLength(request.RequestId, "request_id", 128, Add);
        CheckLength(request.ExternalId, "external_id", 512, Add);
        CheckLength(request.Url, "url", 2048, Add);
        CheckLength(request.Title, "title", 1000, Add);
        CheckLength(request.Outlet, "outlet", 200, Add);
        CheckLength(request.Byline, "byline", 500, Add);
        return violations;
    }

    private static void CheckLength(string value, string field, int max, Action<string, string> add)
    {
        if (value.Length > max)
        {
            add(field, $"At most {max} characters; got {value.Length}.");
        }
    }

    // Stored as given; the title and the text are normalized, which drops control characters.
    private static void CheckStorable(string value, string field, Action<string, string> add)
    {
        if (!RequestValues.IsStorable(value))
        {
            add(field, "Must not contain the NUL character (U+0000).");
        }
    }

    private static bool IsHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);
}
