namespace Sourcing.Query.Data;

/// <summary>
/// A read-only view of <c>analysis.attributions</c>; analysis owns and migrates that table.
/// Enum columns hold the numbers of the <c>sourcing.v1</c> enums.
/// </summary>
public sealed class AttributionView
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
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
    /// <summary>The resolved speaker entity of a named source; null for anonymous ones.</summary>
    public Guid? SpeakerId { get; set; }
}
