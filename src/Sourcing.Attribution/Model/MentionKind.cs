namespace Sourcing.Attribution.Model;

/// <summary>What a source mention is made of.</summary>
internal enum MentionKind
{
    Unknown,
    PersonName,
    ShortName,
    Title,
    Role,
    Organization,
    Place,
    Document,
    Pronoun,
}
