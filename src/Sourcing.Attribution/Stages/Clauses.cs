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
    public static (int First, int Lead) SubjectLeft(Document doc, int l, int floor) => SubjectLeft(doc, l, floor, out _);

    /// <summary>As above; <paramref name="end"/> gets the end of the subject (before a relative clause).</summary>
    public static (int First, int Lead) SubjectLeft(Document doc, int l, int floor, out int end)
    {
        end = l + 1;
        if (doc.IsPunct(l, ','))
        {
            // "Marcus Hale, who lives above a shop, said"; "An official, speaking on condition ..., said".
            var open = l - 1;
            while (open > floor && open > l - 30 && !doc.IsPunct(open, ',') && !Syntax.IsTerminal(doc, open) && doc.Tokens[open].Kind != TokenKind.QuoteMark)
            {
                open--;
            }
            if (doc.IsPunct(open, ',') && (doc.Is(open + 1, "who") || doc.Is(open + 1, "which") || doc.Is(open + 1, "whose") || Syntax.IsIng(doc, open + 1) && !doc.Has(open + 1, WordClass.CueForm)
                || IsAppositionWithRelative(doc, open + 1, l)))
            {
                // "Marcus Hale, who ...,"; "Lionel Fritsch, a neurologist who was not involved ...,".
                var subject = ExtendOverModifier(doc, NounPhraseStartLeft(doc, open - 1, floor, relative: false), open - 1, floor);
                if (subject <= open - 1)
                {
                    end = open;
                    return (subject, subject - 1);
                }
            }
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
        // "A city engineer who worked on the design said".
        if (first > floor && Syntax.IsVerbLike(doc, first - 1))
        {
            for (var w = first - 1; w >= floor && w >= first - 6; w--)
            {
                if (doc.Is(w, "who") || doc.Is(w, "that"))
                {
                    var subject = NounPhraseStartLeft(doc, w - 1, floor, relative: false);
                    if (subject <= w - 1 && doc.Is(w, "who"))
                    {
                        end = w;
                        return (subject, subject - 1);
                    }
                    break;
                }
                if (SourceFinder.IsBoundaryMark(doc, w) || Syntax.IsTerminal(doc, w))
                {
                    break;
                }
            }
        }
        while (first <= l && doc.Has(first, WordClass.Preposition))
        {
            first++;
        }
        return (first, first - 1);
    }

    // ", a neurologist who was not involved in the research,", ", the utility that owns the line,":
    // an apposition (article, then nouns) whose noun carries a relative clause.
    private static bool IsAppositionWithRelative(Document doc, int first, int comma)
    {
        if (!doc.Is(first, "a") && !doc.Is(first, "an") && !doc.Is(first, "the"))
        {
            return false;
        }
        for (var k = first + 1; k < comma && k < first + 8; k++)
        {
            if (doc.Is(k, "who") || doc.Is(k, "that") || doc.Is(k, "which") || doc.Is(k, "whose"))
            {
                return k > first + 1;
            }
            if (!doc.IsWord(k) || Syntax.IsVerbLike(doc, k) || doc.Has(k, WordClass.Preposition) && !doc.Is(k, "of"))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// "One person briefed on the talks", "two people familiar with the plans": the noun phrase
    /// read leftwards stops at the participle; when a role noun stands before it, it starts there.
    /// </summary>
    public static int ExtendOverModifier(Document doc, int start, int end, int floor)
    {
        var p = start - 1;
        if (start > end || p <= floor || !(Syntax.IsEd(doc, p) || doc.Is(p, "familiar") || doc.Is(p, "close") || doc.Is(p, "involved")))
        {
            return start;
        }
        if (!doc.Has(p - 1, WordClass.RoleNoun))
        {
            return start;
        }
        var head = NounPhraseStartLeft(doc, p - 1, floor, relative: true);
        return head <= p - 1 ? head : start;
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
        while (j < before && j - start < 15 && !Syntax.IsVerbLike(doc, j) && !Syntax.IsTerminal(doc, j) && !doc.IsPunct(j, ',') && doc.Tokens[j].Kind != TokenKind.QuoteMark)
        {
            j++;
        }
        if (j < before && (Syntax.IsVerbLike(doc, j) || doc.IsPunct(j, ',')) && j > start)
        {
            return (start, j);
        }
        var run = PersonFinder.NameRunEnd(doc, start, before);
        return run > start ? (start, run) : (start, start);
    }

    // "Last week,", "In response to the parade by the militias,", "Angered,".
    private static bool IsLeadingAdverbial(Document doc, int start, int comma)
    {
        if (comma - start == 1)
        {
            return true;
        }
        return doc.Has(start, WordClass.Preposition | WordClass.TimeWord | WordClass.Adverb | WordClass.Subordinator)
            || Syntax.IsEd(doc, start) || Syntax.IsIng(doc, start);
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
                while (k < limit && doc.Has(k, WordClass.Medium))
                {
                    k++;
                }
                continue;
            }
            if ((doc.Has(k, WordClass.Number) || doc.Is(k, "a") || doc.Tokens[k].Kind == TokenKind.Number) && doc.Has(k + 1, WordClass.TimeWord) && !doc.Is(k + 1, "this"))
            {
                k += 2; // "a decade ago", "two weeks ago"
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
}
