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
        var marks = new ContentEnd.Marks();
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
            if (c.Placement == CuePlacement.Preposed && c.HasSource)
            {
                marks.SourceStarts.Add(c.SourceFirst);
            }
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

    private static bool Right(Document doc, WordLists words, ContentEnd.Marks marks, Candidate c, Sentence s)
    {
        var k = ContentStart.Find(doc, c, s);
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
        if (q < 0 && !afterThat && !topical && !ContentStart.LooksLikeClause(doc, c, k, s.End))
        {
            return false;
        }
        var end = ContentEnd.Scan(doc, words, marks, c, s, k);
        if (q >= 0 && (end == doc.Quotations[q].Close + 1 || ContentEnd.QuoteEndsClause(doc, doc.Quotations[q], s)))
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
