using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Finds the source mention of each cue and where the content sits: the subject before the
/// verb (with appositions: "Randa Slim, director of ..., described"), the subject after it
/// ("said Jane Roe, the mayor"), the antecedent of "that" ("a statement that emphasized"),
/// the shared subject of coordinated verbs ("asked ... and suggested"), the main subject
/// for participles ("..., demanding that"), and the object of "according to".
/// </summary>
internal static class SourceFinder
{
    public static void Find(Document doc)
    {
        for (var n = 0; n < doc.Candidates.Count; n++)
        {
            var c = doc.Candidates[n];
            var s = doc.Sentences[c.Sentence];
            if (c.Frame == CueFrame.AccordingTo)
            {
                AccordingTo(doc, c, s);
            }
            else
            {
                ForVerb(doc, c, s, n);
            }
            if (!c.HasSource)
            {
                c.Rejected = true;
            }
        }
    }

    private static void AccordingTo(Document doc, Candidate c, Sentence s)
    {
        var k = c.CueEnd;
        while (k < s.End && !Syntax.IsTerminal(doc, k) && !doc.IsPunct(k, ',') && doc.Tokens[k].Kind != TokenKind.QuoteMark && !doc.Is(k, "who") && !doc.Is(k, "which"))
        {
            k++;
        }
        SetSource(c, c.CueEnd, k);
        var start = Syntax.ContentStart(doc, s);
        if (c.CueFirst == start || doc.IsPunct(c.CueFirst - 1, ',') && c.CueFirst - 1 > start && IsLeadIn(doc, start, c.CueFirst - 1))
        {
            c.Placement = CuePlacement.Preposed;
            c.Boundary = k;
        }
        else
        {
            c.Placement = CuePlacement.Postposed;
            c.Boundary = doc.IsPunct(c.CueFirst - 1, ',') ? c.CueFirst - 1 : c.CueFirst;
        }
    }

    // "In a statement, according to X, ..." or "But according to X, ...": a short lead-in.
    private static bool IsLeadIn(Document doc, int start, int comma) =>
        comma - start <= 3 && (doc.Has(start, WordClass.Coordinator) || doc.Has(start, WordClass.Adverb));

    private static void ForVerb(Document doc, Candidate c, Sentence s, int index)
    {
        var l = SkipAdverbialsLeft(doc, c.CueFirst - 1, s.First);
        var join = JoinBefore(doc, l, s.First);
        if (join >= 0)
        {
            c.Coordinated = true;
            c.JoinToken = join;
            Coordinated(doc, c, s, index, join);
            return;
        }
        if (c.IsParticiple)
        {
            // "a timetable outlining ..." modifies its noun; "a letter to Tehran threatening ..."
            // speaks for whoever sent the letter, like "..., demanding that ...".
            if (l >= s.First && doc.IsWord(l) && !doc.Has(l, WordClass.Subordinator | WordClass.Preposition | WordClass.Coordinator) && !Syntax.IsVerbLike(doc, l))
            {
                var noun = Clauses.NounPhraseStartLeft(doc, l, s.First, relative: false);
                while (noun <= l && doc.Has(noun, WordClass.Preposition))
                {
                    noun++;
                }
                var hasDocument = false;
                for (var k = noun; k <= l; k++)
                {
                    hasDocument |= doc.Has(k, WordClass.DocumentNoun);
                }
                if (noun <= l && !hasDocument)
                {
                    SetSource(c, noun, l + 1);
                    c.Placement = CuePlacement.Preposed;
                    return;
                }
            }
            var (first, end) = Clauses.MainSubject(doc, s, c.CueFirst);
            SetSource(c, first, end);
            c.Placement = CuePlacement.Preposed;
            return;
        }
        if (l < s.First || IsBoundaryMark(doc, l) && !doc.IsPunct(l, ','))
        {
            Inverted(doc, c, s, l);
            return;
        }
        if (doc.Is(l, "that") || doc.Is(l, "which") || doc.Is(l, "who"))
        {
            var start = Clauses.NounPhraseStartLeft(doc, l - 1, s.First, relative: true);
            SetSource(c, start, l);
            c.Placement = CuePlacement.Preposed;
            return;
        }
        var (np, lead) = Clauses.SubjectLeft(doc, l, s.First, out var npEnd);
        if (np > l)
        {
            Inverted(doc, c, s, l);
            return;
        }
        while (np <= l && (doc.Is(np, "and") || doc.Is(np, "but") || doc.IsPunct(np, ',')))
        {
            np++;
        }
        SetSource(c, np, npEnd <= l ? npEnd : doc.IsPunct(l, ',') ? l : l + 1);
        c.SourceLead = lead;
        if (lead >= s.First && IsBoundaryMark(doc, lead) && CueComplement.RestIsEmpty(doc, c, s, c.CueEnd))
        {
            c.Placement = CuePlacement.Postposed;
            c.Boundary = lead;
        }
        else
        {
            c.Placement = CuePlacement.Preposed;
        }
    }

    private static void Inverted(Document doc, Candidate c, Sentence s, int boundary)
    {
        var k = Clauses.SkipAdverbialsRight(doc, c.CueEnd, s.End);
        var first = k;
        while (k < s.End && !Syntax.IsTerminal(doc, k) && !doc.IsPunct(k, ',') && doc.Tokens[k].Kind != TokenKind.QuoteMark
               && !doc.Is(k, "who") && !doc.Is(k, "which") && !doc.Is(k, "that") && !(k > first && Syntax.IsVerbLike(doc, k)))
        {
            k++;
        }
        if (k == first || Syntax.IsVerbLike(doc, first) || doc.Has(first, WordClass.Preposition))
        {
            return;
        }
        // "said Jane Roe, the mayor." keeps the apposition.
        if (doc.IsPunct(k, ',') && (doc.Is(k + 1, "the") || doc.Has(k + 1, WordClass.Title)))
        {
            var a = k + 1;
            while (a < s.End && !Syntax.IsTerminal(doc, a) && !doc.IsPunct(a, ',') && !Syntax.IsVerbLike(doc, a) && doc.Tokens[a].Kind != TokenKind.QuoteMark)
            {
                a++;
            }
            if (a - k <= 12 && (Syntax.IsTerminal(doc, a) || a >= s.End))
            {
                k = a;
            }
        }
        SetSource(c, first, k);
        c.SourceLead = boundary;
        c.Placement = CuePlacement.Postposed;
        c.Boundary = boundary;
    }

    private static void Coordinated(Document doc, Candidate c, Sentence s, int index, int join)
    {
        for (var p = index - 1; p >= 0; p--)
        {
            var prev = doc.Candidates[p];
            if (prev.Sentence != c.Sentence)
            {
                break;
            }
            if (prev.HasSource && prev.CueFirst < join && prev.Placement == CuePlacement.Preposed)
            {
                SetSource(c, prev.SourceFirst, prev.SourceEnd);
                c.SourceLead = prev.SourceLead;
                c.Placement = CuePlacement.Preposed;
                return;
            }
        }
        var (first, end) = Clauses.ClauseSubject(doc, s, join);
        SetSource(c, first, end);
        c.Placement = CuePlacement.Preposed;
    }

    // "asked ... and suggested", "asked ... and, in a message to Tehran, suggested".
    private static int JoinBefore(Document doc, int l, int floor)
    {
        if (doc.Is(l, "and") || doc.Is(l, "or") || doc.Is(l, "but"))
        {
            return l;
        }
        if (!doc.IsPunct(l, ','))
        {
            return -1;
        }
        for (var k = l - 1; k >= floor && k >= l - 12; k--)
        {
            if (doc.Is(k, "and") && doc.Has(k + 1, WordClass.Preposition))
            {
                return k;
            }
            if (doc.IsPunct(k, ',') && doc.Is(k - 1, "and"))
            {
                return k - 1;
            }
            if (SourceFinder.IsBoundaryMark(doc, k))
            {
                return -1;
            }
        }
        return -1;
    }

    private static int SkipAdverbialsLeft(Document doc, int l, int floor)
    {
        while (l >= floor)
        {
            if (Syntax.IsAdverbial(doc, l) || doc.Is(l, "on") && Syntax.IsAdverbial(doc, l + 1))
            {
                l--;
                continue;
            }
            // ", however," between a subject and its verb.
            if (doc.IsPunct(l, ',') && doc.Has(l - 1, WordClass.Adverb) && doc.IsPunct(l - 2, ','))
            {
                l -= 3;
                continue;
            }
            break;
        }
        return l;
    }

    public static bool IsBoundaryMark(Document doc, int i)
    {
        if ((uint)i >= (uint)doc.Count)
        {
            return false;
        }
        var t = doc.Tokens[i];
        if (t.Kind == TokenKind.QuoteMark)
        {
            return true;
        }
        return t.Kind == TokenKind.Punctuation && doc.Folded[t.Start] is ',' or ':' or ';' or TextNormalizer.Dash or '(' or ')';
    }

    private static void SetSource(Candidate c, int first, int end)
    {
        c.SourceFirst = first;
        c.SourceEnd = end;
        if (c.SourceLead < 0)
        {
            c.SourceLead = first - 1;
        }
    }
}
