using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>What follows a cue verb: its addressee ("told reporters") and whether any clause follows at all.</summary>
internal static class CueComplement
{
    /// <summary>
    /// Whether nothing of a clause follows the cue: only adverbials, an addressee, then the
    /// end of the sentence or a comma. Such a cue closes a postposed attribution.
    /// </summary>
    public static bool RestIsEmpty(Document doc, Candidate c, Sentence s, int k)
    {
        k = Clauses.SkipAdverbialsRight(doc, k, s.End);
        if (c.Frame == CueFrame.Tell)
        {
            k = SkipAddressee(doc, k, s.End);
            k = Clauses.SkipAdverbialsRight(doc, k, s.End);
        }
        if (doc.Has(k, WordClass.Preposition) && !doc.Is(k, "that"))
        {
            // "“...,” she said outside the courthouse."
            var j = k + 1;
            while (j < s.End && !Syntax.IsTerminal(doc, j) && !doc.IsPunct(j, ',') && !Syntax.IsVerbLike(doc, j) && !doc.Is(j, "that") && doc.Tokens[j].Kind != TokenKind.QuoteMark)
            {
                j++;
            }
            k = j;
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
        if (j > k)
        {
            // "told a rally outside the headquarters": a common-noun addressee after an article;
            // "told the board the town would ...": a second article starts the reported clause.
            while (j < limit && j - start < 4 && doc.IsWord(j) && !doc.Has(j, WordClass.Preposition | WordClass.Subordinator) && !Syntax.IsVerbLike(doc, j)
                   && !(j > start && doc.Has(j, WordClass.Determiner | WordClass.Pronoun)))
            {
                j++;
            }
            return j > start ? j : k;
        }
        while (j < limit && j - start < 5 && (doc.HasShape(j, TokenShape.Capitalized) || doc.Has(j, WordClass.Particle) && j > start))
        {
            j++;
        }
        return j > start ? j : k;
    }
}
