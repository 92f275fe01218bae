using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Splits tokens into sentences: at line breaks, and after '.', '!' or '?' (with any closing
/// quotes or brackets) when the next token can start a sentence. Abbreviations ("Gen.",
/// "Jan.") never end one; an initialism ("U.S.") ends one only before a word that usually
/// starts a sentence ("The", "He", "But").
/// </summary>
internal static class SentenceSplitter
{
    public static void Split(Document doc)
    {
        var tokens = doc.Tokens;
        var first = 0;
        var paragraph = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Kind == TokenKind.LineBreak)
            {
                Close(doc, first, i, paragraph);
                first = i + 1;
                paragraph++;
                continue;
            }
            var end = EndAfter(doc, i);
            if (end > 0)
            {
                Close(doc, first, end, paragraph);
                first = end;
                i = end - 1;
            }
        }
        Close(doc, first, tokens.Length, paragraph);
        for (var s = 0; s < doc.Sentences.Count; s++)
        {
            var sentence = doc.Sentences[s];
            for (var t = sentence.First; t < sentence.End; t++)
            {
                tokens[t].Sentence = s;
            }
        }
        // Line breaks belong to the sentence before them.
        for (var t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Kind == TokenKind.LineBreak)
            {
                tokens[t].Sentence = t > 0 ? tokens[t - 1].Sentence : 0;
            }
        }
    }

    /// <summary>Token index where a sentence ending at token i stops (exclusive), or 0.</summary>
    private static int EndAfter(Document doc, int i)
    {
        var t = doc.Tokens;
        bool terminal;
        if (t[i].Kind == TokenKind.Punctuation)
        {
            var c = doc.Folded[t[i].Start];
            terminal = c is '.' or '!' or '?';
        }
        else if (t[i].IsWord && (t[i].Shape & TokenShape.Initialism) != 0)
        {
            terminal = (t[i].Class & WordClass.Abbreviation) == 0 && StartsSentenceStrongly(doc, i + 1);
            return terminal ? i + 1 : 0;
        }
        else
        {
            return 0;
        }
        if (!terminal)
        {
            return 0;
        }
        var end = i + 1;
        while (end < t.Length && (t[end].Kind == TokenKind.QuoteMark && IsClosing(t[end].Mark)
               || doc.IsPunct(end, ')') || doc.IsPunct(end, ']') || doc.IsPunct(end, '.') || doc.IsPunct(end, '!') || doc.IsPunct(end, '?')))
        {
            end++;
        }
        if (end >= t.Length || t[end].Kind == TokenKind.LineBreak)
        {
            return end;
        }
        return CanStart(doc, end) ? end : 0;
    }

    private static bool IsClosing(QuoteMarkKind mark) =>
        mark is QuoteMarkKind.DoubleClose or QuoteMarkKind.SingleClose or QuoteMarkKind.DoubleAmbiguous or QuoteMarkKind.SingleAmbiguous;

    private static bool CanStart(Document doc, int i)
    {
        var t = doc.Tokens[i];
        if (t.Kind == TokenKind.QuoteMark || doc.IsPunct(i, '(') || doc.IsPunct(i, '['))
        {
            return true;
        }
        if (t.Kind == TokenKind.Number)
        {
            return true;
        }
        return t.Kind == TokenKind.Word && char.IsUpper(doc.Text[t.Start]);
    }

    private static bool StartsSentenceStrongly(Document doc, int i)
    {
        if (i >= doc.Count || doc.Tokens[i].Kind == TokenKind.LineBreak)
        {
            return true;
        }
        if (!doc.IsWord(i) || !char.IsUpper(doc.Text[doc.Tokens[i].Start]))
        {
            return doc.Tokens[i].Kind == TokenKind.QuoteMark && doc.Tokens[i].Mark is QuoteMarkKind.DoubleOpen;
        }
        return doc.Has(i, WordClass.Determiner | WordClass.Pronoun | WordClass.Coordinator | WordClass.Subordinator | WordClass.Preposition);
    }

    private static void Close(Document doc, int first, int end, int paragraph)
    {
        if (end > first)
        {
            doc.Sentences.Add(new Sentence(first, end, paragraph));
        }
    }
}
