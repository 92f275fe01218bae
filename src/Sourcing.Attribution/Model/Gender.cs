namespace Sourcing.Attribution.Model;

/// <summary>The gender a name or title signals, for resolving "he" and "she".</summary>
internal enum Gender
{
    Unknown,
    Female,
    Male,
}
