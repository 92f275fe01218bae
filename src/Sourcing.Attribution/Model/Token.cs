using Sourcing.Attribution.Lexicon;

namespace Sourcing.Attribution.Model;

/// <summary>One token: its character range, kind, shape, word classes and place in the document.</summary>
internal struct Token
{
    public int Start;
    public int End;
    public TokenKind Kind;
    public TokenShape Shape;
    public QuoteMarkKind Mark;
    public WordClass Class;
    public int Sentence;

    /// <summary>Index of the innermost quotation whose content holds this token, or -1.</summary>
    public int Quote;

    /// <summary>For a paired quotation mark, the index of its quotation, else -1.</summary>
    public int Pair;

    public readonly bool IsWord => Kind is TokenKind.Word or TokenKind.Number;
}
