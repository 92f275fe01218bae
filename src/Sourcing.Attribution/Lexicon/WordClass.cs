namespace Sourcing.Attribution.Lexicon;

/// <summary>The closed and open word classes the rules ask about, as flags of one lookup.</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0,
    Determiner = 1 << 0,
    Pronoun = 1 << 1,
    Preposition = 1 << 2,
    Subordinator = 1 << 3,
    Coordinator = 1 << 4,
    Auxiliary = 1 << 5,
    Negation = 1 << 6,
    Number = 1 << 7,
    TimeWord = 1 << 8,
    Title = 1 << 9,
    UniqueTitle = 1 << 10,
    RoleNoun = 1 << 11,
    PluralRole = 1 << 12,
    OrganizationWord = 1 << 13,
    GenericOrganization = 1 << 14,
    DocumentNoun = 1 << 15,
    Place = 1 << 16,
    Nationality = 1 << 17,
    Abbreviation = 1 << 18,
    Verb = 1 << 19,
    CueForm = 1 << 20,
    ContentStop = 1 << 21,
    ReasonMarker = 1 << 22,
    Passive = 1 << 23,
    Particle = 1 << 24,
    ThreatContent = 1 << 25,
    Addressee = 1 << 26,
    Medium = 1 << 27,
    Adverb = 1 << 28,
    ClauseStart = 1 << 29,
    Qualifier = 1 << 30,
}
