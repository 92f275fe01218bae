namespace Sourcing.Attribution.Model;

/// <summary>Orthographic facts about a word token.</summary>
[Flags]
internal enum TokenShape : byte
{
    None = 0,
    Capitalized = 1,
    AllCaps = 2,
    NameLike = 4,
    EndsWithPeriod = 8,
    Possessive = 16,
    Initialism = 32,
}
