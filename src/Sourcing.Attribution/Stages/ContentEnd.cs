using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Where a reported clause or a quotation after the cue ends: at the sentence's end, a "but",
/// a comma before a content stop, or where another attribution (its cue, its source, a postposed
/// boundary, a coordinated verb) begins.
/// </summary>
internal static class ContentEnd
{
    // A quotation right after the cue is the whole content when nothing but punctuation follows it.
    public static bool QuoteEndsClause(Document doc, Quotation q, Sentence s)
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

    public static int Scan(Document doc, WordLists words, Marks marks, Candidate c, Sentence s, int k)
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
            // "..., and Ms Chen said ...": another source's clause begins.
            if (j > k && doc.Has(j, WordClass.Coordinator) && marks.SourceStarts.Contains(j + 1) && j + 1 != c.SourceFirst)
            {
                break;
            }
            j++;
        }
        return j;
    }

    /// <summary>Tokens where another attribution begins, which end a reported clause.</summary>
    public sealed class Marks
    {
        public HashSet<int> Boundaries { get; } = [];

        public HashSet<int> CueStarts { get; } = [];

        public HashSet<int> Joins { get; } = [];

        public HashSet<int> SourceStarts { get; } = [];
    }
}
