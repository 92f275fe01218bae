namespace Sourcing.Analysis.Data;

/// <summary>
/// One attribution of an article's current analysis. Enum columns hold the numbers of the
/// <c>sourcing.v1</c> enums (QuoteType, Sourcing, EntityKind). A named source links its speaker entity,
/// an anonymous one its article's anonymous source.
/// </summary>
public sealed class StoredAttribution
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    /// <summary>The analysis the row belongs to; null only for rows written around the service (bulk loaders, other services' tests).</summary>
    public Guid? AnalysisId { get; set; }
    public Guid? SpeakerId { get; set; }
    public Guid? AnonymousSourceId { get; set; }
    public int Ordinal { get; set; }
    public required string EngineVersion { get; set; }
    public int CueStart { get; set; }
    public int CueEnd { get; set; }
    public required string CueText { get; set; }
    public int SourceStart { get; set; }
    public int SourceEnd { get; set; }
    public required string SourceText { get; set; }
    public int ContentStart { get; set; }
    public int ContentEnd { get; set; }
    public required string ContentText { get; set; }
    public short QuoteType { get; set; }
    public required string Speaker { get; set; }
    public short Sourcing { get; set; }
    public short Entity { get; set; }
    public int? ReasonStart { get; set; }
    public int? ReasonEnd { get; set; }
    public string? ReasonText { get; set; }
}
