using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Finds what was communicated: the quotation (split by the cue, or running over sentences
/// and paragraphs), or the reported clause up to where the next attribution or a new clause
/// begins; and whether it is direct, indirect or mixed.
/// </summary>
internal static class ContentFinder
{
    public static void Find(Document doc, WordLists words)
    {
        var marks = new Marks();
        foreach (var c in doc.Candidates)
        {
            if (c.Rejected)
            {
                continue;
            }
            if (c.Placement == CuePlacement.Postposed)
            {
                marks.Boundaries.Add(c.Boundary);
            }
            marks.CueStarts.Add(c.CueFirst);
            if (c.JoinToken >= 0)
            {
                marks.Joins.Add(c.JoinToken);
            }
        }
        foreach (var c in doc.Candidates)
        {
            if (c.Rejected)
            {
                continue;
            }
            var s = doc.Sentences[c.Sentence];
            var found = c.Placement == CuePlacement.Postposed ? Left(doc, c, s) : Right(doc, words, marks, c, s);
            if (!found || c.Content.IsEmpty)
            {
                c.Rejected = true;
            }
        }
    }

    private static bool Left(Document doc, Candidate c, Sentence s)
    {
        var b = c.Boundary;
        var start = Syntax.ContentStart(doc, s);
        var q = Syntax.QuotationClosedAt(doc, b);
        if (q < 0 && doc.IsPunct(b, ','))
        {
            q = Syntax.QuotationClosedAt(doc, b - 1);
        }
        if (q >= 0)
        {
            var quote = doc.Quotations[q];
            if (quote.Open <= start || NoWordsBetween(doc, start, quote.Open))
            {
                c.Content = new TextSpan(quote.ContentStart, SplitEnd(doc, c, s) ?? quote.ContentEnd);
                c.Quote = QuoteKind.Direct;
                return true;
            }
            c.Content = new TextSpan(doc.Tokens[start].Start, doc.Tokens[quote.Close].End);
            c.Quote = QuoteKind.Mixed;
            return true;
        }
        var end = b;
        while (end > start && (doc.IsPunct(end - 1, ',') || doc.IsPunct(end - 1, TextNormalizer.Dash)))
        {
            end--;
        }
        if (end <= start)
        {
            return false;
        }
        c.Content = doc.SpanOf(start, end);
        c.Quote = KindOf(doc, start, end);
        return true;
    }

    // "“A,” she said, “B.”": the content runs on to the end of the second quotation.
    private static int? SplitEnd(Document doc, Candidate c, Sentence s)
    {
        var k = Clauses.SkipAdverbialsRight(doc, Math.Max(c.CueEnd, c.SourceEnd), s.End);
        if (doc.IsPunct(k, ',') && Syntax.QuotationOpenedAt(doc, k + 1) is var q && q >= 0)
        {
            return doc.Quotations[q].ContentEnd;
        }
        return null;
    }

    private static bool NoWordsBetween(Document doc, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (doc.IsWord(k))
            {
                return false;
            }
        }
        return true;
    }

    private static bool Right(Document doc, WordLists words, Marks marks, Candidate c, Sentence s)
    {
        var k = Start(doc, c, s);
        var afterThat = doc.Is(k - 1, "that");
        if (k < 0)
        {
            return false;
        }
        if (doc.IsPunct(k, ':') || doc.IsPunct(k, ',') && Syntax.IsOpeningMark(doc, k + 1))
        {
            k++;
        }
        if (k >= s.End || Syntax.IsTerminal(doc, k))
        {
            return false;
        }
        var topical = doc.Is(k, "against") || doc.Is(k, "of") || doc.Is(k, "about");
        if (!afterThat && !topical && c.Frame is CueFrame.Clause or CueFrame.Tell or CueFrame.Document && doc.Has(k, WordClass.Preposition) && !doc.Is(k, "with"))
        {
            return false; // "reported from Istanbul": no content
        }
        var q = Syntax.QuotationOpenedAt(doc, k);
        if (q < 0 && !afterThat && !topical && !LooksLikeClause(doc, c, k, s.End))
        {
            return false;
        }
        var end = ScanEnd(doc, words, marks, c, s, k);
        if (q >= 0 && (end == doc.Quotations[q].Close + 1 || QuoteEndsClause(doc, doc.Quotations[q], s)))
        {
            c.Content = new TextSpan(doc.Quotations[q].ContentStart, doc.Quotations[q].ContentEnd);
            c.Quote = QuoteKind.Direct;
            return true;
        }
        while (end > k && (doc.IsPunct(end - 1, ',') || doc.IsPunct(end - 1, TextNormalizer.Dash)))
        {
            end--;
        }
        if (end <= k)
        {
            return false;
        }
        c.Content = doc.SpanOf(k, end);
        c.Quote = KindOf(doc, k, end);
        return true;
    }

    /// <summary>First token of the content to the right of the cue, or -1 when the frame finds none.</summary>
    private static int Start(Document doc, Candidate c, Sentence s)
    {
        var k = c.Frame == CueFrame.AccordingTo ? c.Boundary + 1 : Clauses.SkipAdverbialsRight(doc, c.CueEnd, s.End);
        switch (c.Frame)
        {
            case CueFrame.Tell:
                k = Clauses.SkipAdverbialsRight(doc, Clauses.SkipAddressee(doc, k, s.End), s.End);
                return FindThat(doc, k, s.End);
            case CueFrame.ObjectTo:
                if (doc.Is(k, "not"))
                {
                    return -1; // "asked not to be named"
                }
                if (doc.Is(k, "whether") || doc.Is(k, "why") || doc.Is(k, "how") || doc.Is(k, "what") || doc.Is(k, "if"))
                {
                    return k; // "asked whether the plan was legal"
                }
                for (var j = k; j < s.End && j < k + 12; j++)
                {
                    if (doc.Is(j, "to") && !doc.Has(j + 1, WordClass.Determiner))
                    {
                        return j + 1;
                    }
                    if (doc.Is(j, "that"))
                    {
                        return j + 1;
                    }
                    if (doc.IsPunct(j, ',') || Syntax.IsTerminal(doc, j) || doc.Tokens[j].Kind == TokenKind.QuoteMark)
                    {
                        break;
                    }
                }
                return c.Verb?.Lemma == "ask" ? -1 : k;
            case CueFrame.To:
                if (doc.Is(k, "that") && c.Verb?.Lemma != "threaten")
                {
                    return k + 1;
                }
                if (!doc.Is(k, "to"))
                {
                    return -1;
                }
                k++;
                if (c.Verb?.Lemma == "threaten" && !Syntax.IsOpeningMark(doc, k) && !doc.Has(k, WordClass.ThreatContent))
                {
                    return -1;
                }
                return k;
            case CueFrame.Demand:
                if (doc.Is(k, "that"))
                {
                    return k + 1;
                }
                if (Syntax.IsOpeningMark(doc, k))
                {
                    return k;
                }
                var subjectEnd = k;
                while (subjectEnd < s.End && doc.IsWord(subjectEnd) && doc.HasShape(subjectEnd, TokenShape.Capitalized) && subjectEnd - k < 5)
                {
                    subjectEnd++;
                }
                if (subjectEnd == k && doc.Has(k, WordClass.Pronoun))
                {
                    subjectEnd = k + 1;
                }
                return subjectEnd > k && doc.IsLower(subjectEnd) && !doc.Has(subjectEnd, WordClass.Preposition | WordClass.Coordinator) ? k : -1;
            case CueFrame.AccordingTo:
                return k;
            case CueFrame.NounPhrase when c.Verb is { Lemma: "call" }:
                // Bare "called" counts only as naming in quotes: "a move parents called “cruel.”"
                for (var j = k; j < s.End && j <= k + 3; j++)
                {
                    if (Syntax.IsOpeningMark(doc, j))
                    {
                        return k;
                    }
                }
                return -1;
            default:
                return FindThat(doc, k, s.End);
        }
    }

    // "said in a statement during the talks that ...": the clause starts after "that".
    private static int FindThat(Document doc, int k, int limit)
    {
        for (var j = k; j < limit && j < k + 12; j++)
        {
            if (doc.Is(j, "that"))
            {
                return j + 1;
            }
            if (doc.IsPunct(j, ',') || Syntax.IsTerminal(doc, j) || doc.Tokens[j].Kind == TokenKind.QuoteMark
                || doc.IsPunct(j, ':') || j > k && Syntax.IsVerbLike(doc, j))
            {
                break;
            }
        }
        return k;
    }

    // "said prices would rise" is a clause, "add value" is not: a bare lowercase word needs a verb soon after.
    private static bool LooksLikeClause(Document doc, Candidate c, int k, int limit)
    {
        if (c.Frame is not (CueFrame.Clause or CueFrame.Tell or CueFrame.Document) || !doc.IsLower(k)
            || doc.Has(k, WordClass.Determiner | WordClass.Pronoun | WordClass.Number | WordClass.ClauseStart | WordClass.Negation | WordClass.Subordinator)
            || doc.Tokens[k].Kind == TokenKind.Number)
        {
            return true;
        }
        for (var j = k + 1; j < limit && j <= k + 4; j++)
        {
            if (doc.IsPunct(j, ',') || Syntax.IsTerminal(doc, j))
            {
                return false;
            }
            if (Syntax.IsVerbLike(doc, j))
            {
                return true;
            }
        }
        return false;
    }

    // A quotation right after the cue is the whole content when nothing but punctuation follows it.
    private static bool QuoteEndsClause(Document doc, Quotation q, Sentence s)
    {
        if (q.Close >= s.End)
        {
            return true;
        }
        var k = q.Close + 1;
        while (k < s.End && doc.Tokens[k].Kind == TokenKind.Punctuation && !doc.IsPunct(k, ','))
        {
            k++;
        }
        return k >= s.End || doc.Tokens[k].Kind == TokenKind.LineBreak;
    }

    private static int ScanEnd(Document doc, WordLists words, Marks marks, Candidate c, Sentence s, int k)
    {
        var limit = s.End;
        var j = k;
        while (j < doc.Count)
        {
            if (j >= limit)
            {
                break;
            }
            var q = Syntax.QuotationOpenedAt(doc, j);
            if (q >= 0)
            {
                var close = doc.Quotations[q].Close;
                j = close + 1;
                if (j > limit)
                {
                    limit = doc.Sentences[doc.Tokens[close].Sentence].End;
                }
                if (doc.IsPunct(close - 1, ','))
                {
                    return j;
                }
                continue;
            }
            if (Syntax.IsTerminal(doc, j) || doc.Is(j, "but") || doc.IsPunct(j, ':') && j > k)
            {
                break;
            }
            if (doc.IsPunct(j, ','))
            {
                if (c.Frame is CueFrame.NounPhrase || words.ContentStops.MatchAt(doc, j + 1, limit) > 0 || marks.Boundaries.Contains(j) || marks.CueStarts.Contains(j + 1))
                {
                    break;
                }
            }
            if (j > c.CueFirst && marks.Joins.Contains(j))
            {
                break;
            }
            j++;
        }
        return j;
    }

    /// <summary>Tokens where another attribution begins, which end a reported clause.</summary>
    private sealed class Marks
    {
        public HashSet<int> Boundaries { get; } = [];

        public HashSet<int> CueStarts { get; } = [];

        public HashSet<int> Joins { get; } = [];
    }

    private static QuoteKind KindOf(Document doc, int first, int end)
    {
        for (var k = first; k < end; k++)
        {
            if (doc.Tokens[k].Pair >= 0)
            {
                return QuoteKind.Mixed;
            }
        }
        return QuoteKind.Indirect;
    }
}
