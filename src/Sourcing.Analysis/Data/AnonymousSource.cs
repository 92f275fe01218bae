namespace Sourcing.Analysis.Data;

/// <summary>
/// An anonymous source of one article's current analysis: the engine's descriptor ("Two Iraqi officials"), the
/// normalized one sources are aggregated by ("iraqi officials"), and the reason the article gives for anonymity.
/// </summary>
public sealed class AnonymousSource
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public Guid AnalysisId { get; set; }
    public required string Descriptor { get; set; }
    public required string NormalizedDescriptor { get; set; }
    public short Entity { get; set; }
    public string? AnonymityReason { get; set; }
    public int AttributionCount { get; set; }
}
