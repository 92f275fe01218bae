using Google.Protobuf.WellKnownTypes;
using Sourcing.Contracts.V1;
using Sourcing.Query.Data;

namespace Sourcing.Query.Grpc;

/// <summary>Maps stored rows to API messages.</summary>
public static class ArticleMapper
{
    public static Article ToProto(ArticleView article, AnalysisView? analysis, bool withText) => new()
    {
        ArticleId = article.Id.ToString(),
        ExternalId = article.ExternalId ?? "",
        Url = article.Url ?? "",
        Title = article.Title,
        Outlet = article.Outlet ?? "",
        Byline = article.Byline ?? "",
        Dateline = article.Dateline ?? "",
        PublishTime = article.PublishedAt is { } published ? Utc(published) : null,
        ReceiveTime = Utc(article.ReceivedAt),
        Text = withText ? article.Text : "",
        State = (ArticleState)article.State,
        AttributionCount = analysis?.AttributionCount ?? 0,
        AnonymousAttributionCount = analysis?.AnonymousCount ?? 0,
    };

    public static Contracts.V1.Attribution ToProto(AttributionView a) => new()
    {
        AttributionId = a.Id.ToString(),
        ArticleId = a.ArticleId.ToString(),
        Cue = new Span { Start = a.CueStart, End = a.CueEnd, Text = a.CueText },
        Source = new Span { Start = a.SourceStart, End = a.SourceEnd, Text = a.SourceText },
        Content = new Span { Start = a.ContentStart, End = a.ContentEnd, Text = a.ContentText },
        QuoteType = (QuoteType)a.QuoteType,
        Speaker = a.Speaker,
        Sourcing = (Contracts.V1.Sourcing)a.Sourcing,
        Entity = (EntityKind)a.Entity,
        AnonymityReason = a.ReasonStart is { } start && a.ReasonEnd is { } end
            ? new Span { Start = start, End = end, Text = a.ReasonText ?? "" }
            : null,
        EngineVersion = a.EngineVersion,
        SpeakerId = a.SpeakerId?.ToString() ?? "",
    };

    private static Timestamp Utc(DateTime value) => Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
