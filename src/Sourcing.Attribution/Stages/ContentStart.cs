using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Where the content to the right of a cue begins, by the cue's frame: after "that", after the
/// addressee of "told", after "to" of "urged ... to", the subject of "demanded X do"; and whether
/// a bare word there starts a reported clause.
/// </summary>
internal static class ContentStart
{
    /// <summary>First token of the content to the right of the cue, or -1 when the frame finds none.</summary>
    public static int Find(Document doc, Candidate c, Sentence s)
    {
        var k = c.Frame == CueFrame.AccordingTo ? c.Boundary + 1 : Clauses.SkipAdverbialsRight(doc, c.CueEnd, s.End);
        switch (c.Frame)
        {
            case CueFrame.Tell:
                k = Clauses.SkipAdverbialsRight(doc, CueComplement.SkipAddressee(doc, k, s.End), s.End);
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
    public static bool LooksLikeClause(Document doc, Candidate c, int k, int limit)
    {
        if (c.Frame is not (CueFrame.Clause or CueFrame.Tell or CueFrame.Document) || !doc.IsLower(k)
            || doc.Has(k, WordClass.Determiner | WordClass.Pronoun | WordClass.Number | WordClass.ClauseStart | WordClass.Negation | WordClass.Subordinator)
            || doc.Tokens[k].Kind == TokenKind.Number)
        {
            return true;
        }
        // "staff at the three libraries would ...": a prepositional phrase may sit before an auxiliary.
        var reach = doc.Has(k + 1, WordClass.Preposition) ? k + 6 : k + 4;
        for (var j = k + 1; j < limit && j <= reach; j++)
        {
            if (j > k + 4 && !doc.Has(j, WordClass.Auxiliary))
            {
                continue;
            }
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
}
