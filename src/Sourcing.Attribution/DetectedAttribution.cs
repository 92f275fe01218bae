namespace Sourcing.Attribution;

/// <summary>
/// One place where a text reports that a source communicated something, with every field of
/// the annotation guide: spans index into the analyzed text.
/// </summary>
public sealed record DetectedAttribution(
    TextSpan Cue,
    TextSpan Source,
    TextSpan Content,
    QuoteKind Quote,
    string Speaker,
    SourcingKind Sourcing,
    EntityKind Entity,
    TextSpan? AnonymityReason);
