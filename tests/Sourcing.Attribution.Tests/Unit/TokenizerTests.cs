using Sourcing.Attribution.Model;
using Sourcing.Attribution.Tests.Support;

namespace Sourcing.Attribution.Tests.Unit;

public sealed class TokenizerTests
{
    [Theory]
    [InlineData("U.S. troops left.", "U.S.")]
    [InlineData("Brig. Gen. Ada Cole spoke.", "Brig.")]
    [InlineData("Iraq’s minister", "Iraq’s")]
    [InlineData("al-Kadhimi said", "al-Kadhimi")]
    [InlineData("2,500 troops", "2,500")]
    public void Tokenize_Word_KeepsInnerMarks(string text, string first)
    {
        var doc = Analysis.Run(text);

        doc.Span(0).ToString().ShouldBe(first);
    }

    [Fact]
    public void Tokenize_CurlyQuotes_AreQuoteMarks()
    {
        var doc = Analysis.Run("“Yes,” she said.");

        doc.Tokens[0].Kind.ShouldBe(TokenKind.QuoteMark);
        doc.Tokens[0].Mark.ShouldBe(QuoteMarkKind.DoubleOpen);
    }

    [Fact]
    public void Tokenize_PluralPossessive_StaysInWord()
    {
        var doc = Analysis.Run("the teachers’ union said");

        doc.Span(1).ToString().ShouldBe("teachers’");
    }

    [Fact]
    public void Fold_TypographicVariants_SameLength()
    {
        const string text = "“a” ‘b’ c—d\u00A0e";

        var folded = Sourcing.Attribution.Stages.TextNormalizer.Fold(text);

        folded.Length.ShouldBe(text.Length);
        folded[11].ShouldBe(' ');
    }
}
