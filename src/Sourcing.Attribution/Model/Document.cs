using Sourcing.Attribution.Lexicon;

namespace Sourcing.Attribution.Model;

/// <summary>
/// The shared model every stage reads and extends: the text, its folded twin (same length),
/// tokens, sentences, quotations, found persons and the attributions being built.
/// </summary>
internal sealed class Document(string text)
{
    public string Text { get; } = text;

    public string Folded { get; set; } = text;

    public Token[] Tokens { get; set; } = [];

    public List<Sentence> Sentences { get; } = [];

    public List<Quotation> Quotations { get; } = [];

    public PersonRegistry Persons { get; } = new();

    public List<Candidate> Candidates { get; } = [];

    public int Count => Tokens.Length;

    public ReadOnlySpan<char> Span(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].End - Tokens[i].Start);

    /// <summary>The word without a possessive ending ("Iraq’s" gives "Iraq").</summary>
    public ReadOnlySpan<char> Core(int i)
    {
        var s = Span(i);
        if ((Tokens[i].Shape & TokenShape.Possessive) == 0)
        {
            return s;
        }
        return s[^1] is '\'' or '\u2019' ? s[..^1] : s[..^2];
    }

    public bool IsWord(int i) => (uint)i < (uint)Tokens.Length && Tokens[i].IsWord;

    public bool Is(int i, string word) =>
        (uint)i < (uint)Tokens.Length && Tokens[i].IsWord && Span(i).Equals(word, StringComparison.OrdinalIgnoreCase);

    public bool IsPunct(int i, char c) =>
        (uint)i < (uint)Tokens.Length && Tokens[i].Kind == TokenKind.Punctuation && Folded[Tokens[i].Start] == c;

    public bool Has(int i, WordClass cls) => (uint)i < (uint)Tokens.Length && (Tokens[i].Class & cls) != 0;

    public bool HasShape(int i, TokenShape shape) => (uint)i < (uint)Tokens.Length && (Tokens[i].Shape & shape) != 0;

    public bool IsLower(int i) => IsWord(i) && char.IsLower(Text[Tokens[i].Start]);

    public string TextOf(int first, int end) =>
        end <= first ? "" : Text[Tokens[first].Start..Tokens[end - 1].End];

    public TextSpan SpanOf(int first, int end) =>
        end <= first ? new TextSpan(0, 0) : new TextSpan(Tokens[first].Start, Tokens[end - 1].End);

    public Sentence SentenceOf(int token) => Sentences[Tokens[token].Sentence];
}
