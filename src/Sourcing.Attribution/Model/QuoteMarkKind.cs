namespace Sourcing.Attribution.Model;

/// <summary>Which quotation mark a token is, with the direction its glyph shows.</summary>
internal enum QuoteMarkKind : byte
{
    None,
    DoubleOpen,
    DoubleClose,
    DoubleAmbiguous,
    SingleOpen,
    SingleClose,
    SingleAmbiguous,
}
