namespace Sourcing.Attribution.Model;

/// <summary>What a token is.</summary>
internal enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    QuoteMark,
    LineBreak,
}
