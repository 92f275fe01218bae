using Sourcing.Analysis.Data;
using Sourcing.Attribution;
using Sourcing.Contracts.V1;
using ProtoAttribution = Sourcing.Contracts.V1.Attribution;

namespace Sourcing.Analysis.Grpc;

/// <summary>Maps the engine's attributions to the API and to stored rows.</summary>
public static class AttributionMapper
{
    public static ProtoAttribution ToProto(DetectedAttribution a, string text, string engineVersion) => new()
    {
        Cue = Span(a.Cue, text),
        Source = Span(a.Source, text),
        Content = Span(a.Content, text),
        QuoteType = ToProto(a.Quote),
        Speaker = a.Speaker,
        Sourcing = ToProto(a.Sourcing),
        Entity = ToProto(a.Entity),
        AnonymityReason = a.AnonymityReason is { } reason ? Span(reason, text) : null,
        EngineVersion = engineVersion,
    };

    public static StoredAttribution ToStored(
        DetectedAttribution a, string text, Guid articleId, int ordinal, string engineVersion, Guid analysisId, Guid? speakerId, Guid? anonymousSourceId) => new()
    {
        Id = Guid.CreateVersion7(),
        ArticleId = articleId,
        AnalysisId = analysisId,
        SpeakerId = speakerId,
        AnonymousSourceId = anonymousSourceId,
        Ordinal = ordinal,
        EngineVersion = engineVersion,
        CueStart = a.Cue.Start,
        CueEnd = a.Cue.End,
        CueText = a.Cue.Of(text),
        SourceStart = a.Source.Start,
        SourceEnd = a.Source.End,
        SourceText = a.Source.Of(text),
        ContentStart = a.Content.Start,
        ContentEnd = a.Content.End,
        ContentText = a.Content.Of(text),
        QuoteType = (short)ToProto(a.Quote),
        Speaker = a.Speaker,
        Sourcing = (short)ToProto(a.Sourcing),
        Entity = (short)ToProto(a.Entity),
        ReasonStart = a.AnonymityReason?.Start,
        ReasonEnd = a.AnonymityReason?.End,
        ReasonText = a.AnonymityReason?.Of(text),
    };

    public static QuoteType ToProto(QuoteKind quote) => quote switch
    {
        QuoteKind.Direct => QuoteType.Direct,
        QuoteKind.Indirect => QuoteType.Indirect,
        _ => QuoteType.Mixed,
    };

    public static Contracts.V1.Sourcing ToProto(SourcingKind sourcing) =>
        sourcing == SourcingKind.Named ? Contracts.V1.Sourcing.Named : Contracts.V1.Sourcing.Anonymous;

    public static Contracts.V1.EntityKind ToProto(Attribution.EntityKind entity) => entity switch
    {
        Attribution.EntityKind.Person => Contracts.V1.EntityKind.Person,
        Attribution.EntityKind.Group => Contracts.V1.EntityKind.Group,
        Attribution.EntityKind.Organization => Contracts.V1.EntityKind.Organization,
        _ => Contracts.V1.EntityKind.Document,
    };

    /// <summary>The engine's kind for a stored <c>sourcing.v1.EntityKind</c> number.</summary>
    public static Attribution.EntityKind ToEngine(short entity) => (Contracts.V1.EntityKind)entity switch
    {
        Contracts.V1.EntityKind.Person => Attribution.EntityKind.Person,
        Contracts.V1.EntityKind.Group => Attribution.EntityKind.Group,
        Contracts.V1.EntityKind.Organization => Attribution.EntityKind.Organization,
        _ => Attribution.EntityKind.Document,
    };

    private static Span Span(TextSpan span, string text) => new() { Start = span.Start, End = span.End, Text = span.Of(text) };
}
