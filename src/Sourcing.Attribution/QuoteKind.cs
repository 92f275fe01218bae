namespace Sourcing.Attribution;

/// <summary>How the content of an attribution is reported.</summary>
public enum QuoteKind
{
    Direct,
    Indirect,
    Mixed,
}
