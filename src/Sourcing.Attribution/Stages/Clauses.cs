using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>Clause-level helpers: subjects to the left of a verb, adverbials to its right.</summary>
internal static class Clauses
{
    /// <summary>
    /// The subject noun phrase that ends at token l, read leftwards; with an apposition when l
    /// is a comma ("Randa Slim, director of ..., described"). Returns its first token (greater
    /// than l when there is none) and the token before it.
    /// </summary>
    public static (int First, int Lead) SubjectLeft(Document doc, int l, int floor)
    {
        if (doc.IsPunct(l, ','))
        {
            var a = NounPhraseStartLeft(doc, l - 1, floor, relative: false);
            if (a <= l - 1 && doc.IsPunct(a - 1, ','))
            {
                var b = NounPhraseStartLeft(doc, a - 2, floor, relative: false);
                if (b <= a - 2 && (PersonFinder.IsNameToken(doc, a - 2) || PersonFinder.IsNameToken(doc, a) || doc.Has(b, WordClass.Determiner)))
                {
                    return (b, b - 1);
                }
            }
            return (l + 1, l);
        }
        if (doc.Has(l, WordClass.Pronoun) && !doc.HasShape(l, TokenShape.Possessive) && !doc.HasShape(l, TokenShape.AllCaps))
        {
            return (l, l - 1);
        }
        var first = NounPhraseStartLeft(doc, l, floor, relative: false);
        while (first <= l && doc.Has(first, WordClass.Preposition))
        {
            first++;
        }
        return (first, first - 1);
    }

    /// <summary>First token of the noun phrase ending at <paramref name="end"/>, read leftwards.</summary>
    public static int NounPhraseStartLeft(Document doc, int end, int floor, bool relative)
    {
        var j = end;
        var count = 0;
        while (j >= floor && Syntax.IsNounPhraseWord(doc, j) && count < 40)
        {
            if (relative && doc.Has(j, WordClass.Preposition) && !doc.Is(j, "of"))
            {
                break;
            }
            j--;
            count++;
        }
        return j + 1;
    }

    /// <summary>The subject of the sentence's main clause, for participles ("..., demanding that").</summary>
    public static (int First, int End) MainSubject(Document doc, Sentence s, int before)
    {
        var start = Syntax.ContentStart(doc, s);
        while (true)
        {
            var comma = -1;
            for (var k = start; k < before; k++)
            {
                if (doc.IsPunct(k, ','))
                {
                    comma = k;
                    break;
                }
            }
            if (comma < 0 || !IsLeadingAdverbial(doc, start, comma))
            {
                break;
            }
            start = comma + 1;
        }
        return SubjectAt(doc, start, before);
    }

    /// <summary>The subject of the clause that holds token <paramref name="at"/>: after "where", "that", etc.</summary>
    public static (int First, int End) ClauseSubject(Document doc, Sentence s, int at)
    {
        for (var k = at - 1; k >= s.First; k--)
        {
            if (doc.Is(k, "who") || doc.Is(k, "which"))
            {
                var first = NounPhraseStartLeft(doc, k - 1, s.First, relative: true);
                return (first, k);
            }
            if (doc.Is(k, "where") || doc.Is(k, "that") || doc.Is(k, "when") || doc.Is(k, "while") || doc.Is(k, "because") || doc.IsPunct(k, ';'))
            {
                return SubjectAt(doc, k + 1, at);
            }
        }
        return MainSubject(doc, s, at);
    }

    private static (int First, int End) SubjectAt(Document doc, int start, int before)
    {
        if (doc.Has(start, WordClass.Pronoun))
        {
            return (start, start + 1);
        }
        var j = start;
        if (PersonFinder.IsNameToken(doc, j) || doc.Has(j, WordClass.Title))
        {
            while (j < before && (doc.Has(j, WordClass.Title) || doc.HasShape(j, TokenShape.Capitalized) && !doc.HasShape(j, TokenShape.NameLike)))
            {
                j++;
            }
            var end = PersonFinder.NameRunEnd(doc, j, before);
            if (end > j)
            {
                return (start, end);
            }
        }
        j = start;
        while (j < before && j - start < 15 && !Syntax.IsVerbLike(doc, j) && !Syntax.IsTerminal(doc, j) && !doc.IsPunct(j, ',') && doc.Tokens[j].Kind != TokenKind.QuoteMark)
        {
            j++;
        }
        return j < before && Syntax.IsVerbLike(doc, j) ? (start, j) : (start, start);
    }

    // "Last week,", "In response to the parade by the militias,", "Angered,".
    private static bool IsLeadingAdverbial(Document doc, int start, int comma)
    {
        if (comma - start == 1)
        {
            return true;
        }
        if (doc.Has(start, WordClass.Preposition | WordClass.TimeWord | WordClass.Adverb | WordClass.Subordinator))
        {
            return true;
        }
        for (var k = start; k < comma; k++)
        {
            if (Syntax.IsVerbLike(doc, k))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Skips time and manner words and media phrases after a verb ("Wednesday", "in an interview").</summary>
    public static int SkipAdverbialsRight(Document doc, int k, int limit)
    {
        while (k < limit)
        {
            if (doc.Is(k, "this") && doc.Has(k + 1, WordClass.TimeWord) || Syntax.IsAdverbial(doc, k) && !doc.Has(k, WordClass.Auxiliary))
            {
                k++;
                continue;
            }
            if (doc.Is(k, "on") && (doc.Has(k + 1, WordClass.TimeWord) || doc.Has(k + 1, WordClass.Medium)))
            {
                k += 2;
                continue;
            }
            if ((doc.Is(k, "in") || doc.Is(k, "at") || doc.Is(k, "during") || doc.Is(k, "on") || doc.Is(k, "via") || doc.Is(k, "through"))
                && MediumPhraseEnd(doc, k + 1, limit) is var m && m > 0)
            {
                k = m;
                continue;
            }
            break;
        }
        return k;
    }

    // "a statement", "an interview with CNN", "a news conference", "social media".
    private static int MediumPhraseEnd(Document doc, int k, int limit)
    {
        var j = k;
        while (j < limit && j - k < 4 && (doc.Has(j, WordClass.Determiner) || doc.IsLower(j) && !doc.Has(j, WordClass.Medium) && !Syntax.IsVerbLike(doc, j) && !doc.Is(j, "that")))
        {
            j++;
        }
        var found = false;
        while (j < limit && doc.Has(j, WordClass.Medium))
        {
            j++;
            found = true;
        }
        return found ? j : 0;
    }

    /// <summary>
    /// Whether nothing of a clause follows the cue: only adverbials, an addressee, then the
    /// end of the sentence or a comma. Such a cue closes a postposed attribution.
    /// </summary>
    public static bool RestIsEmpty(Document doc, Candidate c, Sentence s, int k)
    {
        k = SkipAdverbialsRight(doc, k, s.End);
        if (c.Frame == CueFrame.Tell)
        {
            k = SkipAddressee(doc, k, s.End);
            k = SkipAdverbialsRight(doc, k, s.End);
        }
        return k >= s.End || Syntax.IsTerminal(doc, k) || doc.IsPunct(k, ',') || doc.IsPunct(k, TextNormalizer.Dash)
            || doc.IsPunct(k, ')') || doc.Tokens[k].Kind == TokenKind.QuoteMark && Syntax.IsClosingMark(doc, k);
    }

    /// <summary>Skips the addressee of "told": "reporters", "The Associated Press", "him".</summary>
    public static int SkipAddressee(Document doc, int k, int limit)
    {
        if (doc.Has(k, WordClass.Addressee) && !doc.Is(k, "the"))
        {
            return k + 1;
        }
        var j = k;
        if (doc.Is(j, "the") || doc.Is(j, "a"))
        {
            j++;
        }
        if (doc.Has(j, WordClass.Addressee))
        {
            return j + 1;
        }
        var start = j;
        while (j < limit && j - start < 5 && (doc.HasShape(j, TokenShape.Capitalized) || doc.Has(j, WordClass.Particle) && j > start))
        {
            j++;
        }
        return j > start ? j : k;
    }
}
