using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>Small shallow-syntax tests the stages share: verbs, adverbials, noun-phrase words.</summary>
internal static class Syntax
{
    private const WordClass ClauseBreakers = WordClass.Subordinator | WordClass.Pronoun;

    public static bool EndsWith(Document doc, int i, string suffix) =>
        doc.IsWord(i) && doc.Core(i).EndsWith(suffix, StringComparison.OrdinalIgnoreCase) && doc.Core(i).Length > suffix.Length + 2;

    public static bool IsIng(Document doc, int i) => doc.IsLower(i) && EndsWith(doc, i, "ing");

    public static bool IsEd(Document doc, int i) => doc.IsLower(i) && EndsWith(doc, i, "ed");

    /// <summary>A lowercase word that is most likely a finite verb or a verb group.</summary>
    public static bool IsVerbLike(Document doc, int i)
    {
        if (!doc.IsLower(i))
        {
            return false;
        }
        if (doc.Has(i, WordClass.Verb | WordClass.CueForm | WordClass.Auxiliary))
        {
            // "the plans", "the company's needs": after an article or a possessive, a noun.
            if (doc.Has(i, WordClass.Verb) && !doc.Has(i, WordClass.Auxiliary | WordClass.CueForm)
                && (doc.Has(i - 1, WordClass.Determiner) && !doc.Is(i - 1, "that") || doc.HasShape(i - 1, TokenShape.Possessive)))
            {
                return false;
            }
            return !doc.Has(i, WordClass.RoleNoun | WordClass.DocumentNoun | WordClass.OrganizationWord);
        }
        return IsEd(doc, i) && !doc.Is(i + 1, "by");
    }

    /// <summary>Time words, auxiliaries and -ly adverbs that sit between a source and its verb.</summary>
    public static bool IsAdverbial(Document doc, int i)
    {
        if (!doc.IsWord(i))
        {
            return false;
        }
        if (doc.Has(i, WordClass.TimeWord) && !doc.Is(i, "this") && !doc.Is(i, "may") || doc.Has(i, WordClass.Adverb))
        {
            return true;
        }
        if (doc.Tokens[i].Kind == TokenKind.Number && (doc.Has(i - 1, WordClass.TimeWord) || doc.Has(i + 1, WordClass.TimeWord)))
        {
            return true;
        }
        if (doc.Has(i, WordClass.Auxiliary) && !doc.Has(i, WordClass.Negation) && !doc.Has(i, WordClass.Passive))
        {
            return true;
        }
        if (doc.Is(i, "on") && (doc.Has(i + 1, WordClass.TimeWord) || doc.Is(i + 1, "the") && doc.Has(i + 2, WordClass.TimeWord)))
        {
            return true;
        }
        if (doc.Is(i, "have") || doc.Is(i, "has") || doc.Is(i, "had") || doc.Is(i, "is") || doc.Is(i, "are") || doc.Is(i, "was") || doc.Is(i, "were"))
        {
            return true;
        }
        return doc.IsLower(i) && EndsWith(doc, i, "ly") && !doc.Has(i, WordClass.RoleNoun | WordClass.Nationality);
    }

    /// <summary>A token that may be part of a noun phrase read leftwards from a verb.</summary>
    public static bool IsNounPhraseWord(Document doc, int i)
    {
        ref readonly var t = ref doc.Tokens[i];
        if (t.Kind == TokenKind.Punctuation)
        {
            var c = doc.Folded[t.Start];
            return c is '-' or '&' or '/' or '.' && i > 0 && doc.IsWord(i - 1) && doc.IsWord(i + 1);
        }
        if (!t.IsWord)
        {
            return false;
        }
        if ((t.Class & WordClass.Subordinator) != 0 && (t.Class & WordClass.Determiner) == 0)
        {
            return false;
        }
        if (doc.Is(i, "that") || doc.Is(i, "but") || doc.Is(i, "or") || doc.Is(i, "nor") || doc.Is(i, "yet") || doc.Is(i, "so"))
        {
            return false;
        }
        if ((t.Class & WordClass.Pronoun) != 0 && (t.Shape & TokenShape.Possessive) == 0)
        {
            return false;
        }
        if (IsVerbLike(doc, i) && !doc.Has(i, WordClass.Nationality))
        {
            return false;
        }
        if (IsIng(doc, i))
        {
            // "a statement following the talks", but not "issuing a statement".
            return doc.IsWord(i - 1) && !doc.Has(i - 1, ClauseBreakers | WordClass.Preposition) && !IsVerbLike(doc, i - 1);
        }
        return true;
    }

    public static bool IsClosingMark(Document doc, int i) => QuotationClosedAt(doc, i) >= 0;

    public static bool IsOpeningMark(Document doc, int i) => QuotationOpenedAt(doc, i) >= 0;

    public static int QuotationOpenedAt(Document doc, int i)
    {
        if ((uint)i >= (uint)doc.Count || doc.Tokens[i].Pair < 0)
        {
            return -1;
        }
        var q = doc.Tokens[i].Pair;
        return doc.Quotations[q].Open == i ? q : -1;
    }

    public static int QuotationClosedAt(Document doc, int i)
    {
        if ((uint)i >= (uint)doc.Count || doc.Tokens[i].Pair < 0)
        {
            return -1;
        }
        var q = doc.Tokens[i].Pair;
        return doc.Quotations[q].Close == i ? q : -1;
    }

    /// <summary>Sentence-final or clause-final punctuation: . ! ? ; or a line break.</summary>
    public static bool IsTerminal(Document doc, int i)
    {
        if ((uint)i >= (uint)doc.Count)
        {
            return true;
        }
        ref readonly var t = ref doc.Tokens[i];
        if (t.Kind == TokenKind.LineBreak)
        {
            return true;
        }
        return t.Kind == TokenKind.Punctuation && doc.Folded[t.Start] is '.' or '!' or '?' or ';';
    }

    /// <summary>First token of a sentence's own text, after a dateline such as "BAGHDAD (AP) —".</summary>
    public static int ContentStart(Document doc, Sentence s)
    {
        var i = s.First;
        var caps = 0;
        while (i < s.End && doc.HasShape(i, TokenShape.AllCaps) && !doc.HasShape(i, TokenShape.Initialism))
        {
            i++;
            caps++;
        }
        if (caps == 0)
        {
            return s.First;
        }
        var j = i;
        if (doc.IsPunct(j, '(') )
        {
            while (j < s.End && !doc.IsPunct(j, ')'))
            {
                j++;
            }
            j++;
        }
        if (doc.IsPunct(j, TextNormalizer.Dash) || doc.IsPunct(j, '-') || doc.IsPunct(j, ','))
        {
            return Math.Min(j + 1, s.End);
        }
        var starts = doc.IsWord(j) && doc.HasShape(j, TokenShape.Capitalized) && !doc.HasShape(j, TokenShape.AllCaps);
        return starts && j < s.End ? j : s.First;
    }
}
