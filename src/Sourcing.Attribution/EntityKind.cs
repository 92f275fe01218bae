namespace Sourcing.Attribution;

/// <summary>What kind of thing a source is.</summary>
public enum EntityKind
{
    Person,
    Group,
    Organization,
    Document,
}
