namespace Sourcing.Attribution;

/// <summary>Whether a reader can tell exactly who a source is.</summary>
public enum SourcingKind
{
    Named,
    Anonymous,
}
