using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Splits the folded text into words (with inner apostrophes, hyphens and initialism periods:
/// "Iraq’s", "al-Kadhimi", "U.S."), numbers, quotation marks, punctuation and line breaks,
/// and looks every word up once in the word lists.
/// </summary>
internal static class Tokenizer
{
    public static void Tokenize(Document doc, WordLists words)
    {
        var f = doc.Folded;
        var tokens = new List<Token>(f.Length / 5 + 4);
        var i = 0;
        while (i < f.Length)
        {
            var c = f[i];
            if (c == '\n')
            {
                var s = i;
                while (i < f.Length && (f[i] == '\n' || f[i] == ' '))
                {
                    i++;
                }
                tokens.Add(new Token { Start = s, End = s + 1, Kind = TokenKind.LineBreak, Quote = -1, Pair = -1 });
                continue;
            }
            if (c == ' ' || char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                var word = Word(doc.Text, f, i, WordEnd(f, i), words);
                // "Hollis Foods", "Cascade Power": a company word ending a capitalized name.
                if ((word.Shape & TokenShape.Capitalized) != 0 && tokens.Count > 0 && tokens[^1].IsWord
                    && (tokens[^1].Shape & TokenShape.Capitalized) != 0 && tokens[^1].End + 1 == word.Start
                    && words.IsCompanyWord(doc.Text.AsSpan(word.Start, word.End - word.Start)))
                {
                    word.Class |= WordClass.OrganizationWord;
                }
                tokens.Add(word);
                i = word.End;
                continue;
            }
            var mark = MarkOf(f, i);
            var width = char.IsHighSurrogate(c) && i + 1 < f.Length && char.IsLowSurrogate(f[i + 1]) ? 2 : 1;
            tokens.Add(new Token
            {
                Start = i,
                End = i + width,
                Kind = mark == QuoteMarkKind.None ? TokenKind.Punctuation : TokenKind.QuoteMark,
                Mark = mark,
                Quote = -1,
                Pair = -1,
            });
            i += width;
        }
        doc.Tokens = [.. tokens];
    }

    private static int WordEnd(string f, int start)
    {
        var i = start + 1;
        var segment = 1;
        while (i < f.Length)
        {
            var c = f[i];
            if (char.IsLetterOrDigit(c) || char.IsLowSurrogate(c) && char.IsHighSurrogate(f[i - 1]))
            {
                i++;
                segment++;
                continue;
            }
            var next = i + 1 < f.Length ? f[i + 1] : '\0';
            if ((c == '\'' || c == TextNormalizer.CloseSingle) && (f[i - 1] == 's' || f[i - 1] == 'S') && next == ' '
                && i + 2 < f.Length && char.IsLower(f[i + 2]))
            {
                i++; // "the teachers’ union": a plural possessive, not a closing quote
                break;
            }
            var joins = c switch
            {
                '-' or '\'' or TextNormalizer.CloseSingle or '&' => char.IsLetterOrDigit(next),
                ',' => char.IsDigit(f[i - 1]) && char.IsDigit(next),
                '.' => char.IsDigit(f[i - 1]) && char.IsDigit(next) || segment == 1 && char.IsLetter(f[i - 1]) && char.IsLetter(next) && IsInitialismAhead(f, i + 1),
                _ => false,
            };
            if (!joins)
            {
                // The final period of an initialism ("U.S.") belongs to the word.
                if (c == '.' && segment == 1 && i - start >= 3 && f[i - 2] == '.')
                {
                    i++;
                }
                break;
            }
            i++;
            segment = c == '.' ? 0 : segment + 1;
        }
        return i;
    }

    // "U.S" continues as an initialism only when the next segment is one letter too.
    private static bool IsInitialismAhead(string f, int i) =>
        i + 1 >= f.Length || !char.IsLetter(f[i + 1]);

    private static Token Word(string text, string f, int start, int end, WordLists words)
    {
        var token = new Token { Start = start, End = end, Kind = char.IsDigit(f[start]) ? TokenKind.Number : TokenKind.Word, Quote = -1, Pair = -1 };
        var span = text.AsSpan(start, end - start);
        var shape = TokenShape.None;
        var core = span;
        if (span.Length > 2 && (span[^2] == '\'' || span[^2] == '\u2019') && (span[^1] == 's' || span[^1] == 'S'))
        {
            shape |= TokenShape.Possessive;
            core = span[..^2];
        }
        else if (span.Length > 2 && (span[^1] == '\'' || span[^1] == '\u2019'))
        {
            shape |= TokenShape.Possessive;
            core = span[..^1];
        }
        if (char.IsUpper(span[0]))
        {
            shape |= TokenShape.Capitalized | TokenShape.NameLike;
            if (core.Length >= 2 && IsAllCaps(core))
            {
                shape |= TokenShape.AllCaps;
            }
        }
        else if (char.IsLower(span[0]) && HasInnerCapital(core))
        {
            shape |= TokenShape.NameLike;
        }
        if (span[^1] == '.')
        {
            shape |= TokenShape.EndsWithPeriod | TokenShape.Initialism;
        }
        // An abbreviation written with its period ("Gen.", "Jan.", "Mr.") keeps it.
        if (end < f.Length && f[end] == '.' && (words.ClassOf(string.Concat(core, ".")) & WordClass.Abbreviation) != 0)
        {
            token.End = end + 1;
            shape |= TokenShape.EndsWithPeriod;
            span = text.AsSpan(start, end + 1 - start);
            core = span;
        }
        else if (end < f.Length && f[end] == '.' && core.Length == 1 && char.IsUpper(core[0]))
        {
            // A middle initial: "John F. Kennedy".
            token.End = end + 1;
            shape |= TokenShape.EndsWithPeriod;
            span = text.AsSpan(start, end + 1 - start);
            core = span;
        }
        token.Shape = shape;
        token.Class = words.ClassOf(core);
        if ((shape & TokenShape.AllCaps) != 0)
        {
            token.Class &= ~(WordClass.Pronoun | WordClass.Determiner | WordClass.Preposition);
        }
        if (token.Class == WordClass.None && (shape & TokenShape.EndsWithPeriod) != 0)
        {
            token.Class = words.ClassOf(core[..^1]);
        }
        return token;
    }

    private static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        var letters = 0;
        foreach (var c in s)
        {
            if (char.IsLower(c))
            {
                return false;
            }
            if (char.IsLetter(c))
            {
                letters++;
            }
        }
        return letters >= 2;
    }

    // "al-Kadhimi", "alKadhimi", "bin-Salman": a lowercase particle before a capital.
    private static bool HasInnerCapital(ReadOnlySpan<char> s)
    {
        for (var i = 1; i < s.Length && i <= 4; i++)
        {
            if (char.IsUpper(s[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static QuoteMarkKind MarkOf(string f, int i) => f[i] switch
    {
        TextNormalizer.OpenDouble => QuoteMarkKind.DoubleOpen,
        TextNormalizer.CloseDouble => QuoteMarkKind.DoubleClose,
        '"' => QuoteMarkKind.DoubleAmbiguous,
        TextNormalizer.OpenSingle => QuoteMarkKind.SingleOpen,
        TextNormalizer.CloseSingle => QuoteMarkKind.SingleClose,
        '\'' => QuoteMarkKind.SingleAmbiguous,
        _ => QuoteMarkKind.None,
    };
}
