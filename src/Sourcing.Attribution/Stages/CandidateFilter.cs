using Sourcing.Attribution.Lexicon;
using Sourcing.Attribution.Model;

namespace Sourcing.Attribution.Stages;

/// <summary>
/// Drops candidates whose source cannot communicate ("The timing suggested ..."), document
/// verbs without a document ("the statement read"), background events in subordinate
/// clauses ("after Iraq called for a third round"), and second cues on one token.
/// </summary>
internal static class CandidateFilter
{
    public static void Apply(Document doc)
    {
        var seen = new HashSet<int>();
        foreach (var c in doc.Candidates)
        {
            if (c.Rejected || c.Mention is not { } m)
            {
                c.Rejected = true;
                continue;
            }
            var weak = c.Verb?.Weak ?? false;
            if (weak && m.Kind == MentionKind.Unknown && !(m.Plural && IntroducesClause(doc, c))
                || c.Frame == CueFrame.Document && m.Kind != MentionKind.Document
                || c.Frame is CueFrame.NounPhrase or CueFrame.ObjectTo && c.Placement == CuePlacement.Preposed && IsBackground(doc, c)
                || !seen.Add(c.CueFirst))
            {
                c.Rejected = true;
            }
        }
    }

    // "Some curators have warned that ...": an explicit clause or quote marks a report of speech.
    private static bool IntroducesClause(Document doc, Candidate c)
    {
        if (c.Placement == CuePlacement.Postposed)
        {
            return true;
        }
        var k = Clauses.SkipAdverbialsRight(doc, c.CueEnd, doc.Count);
        return doc.Is(k, "that") || doc.IsPunct(k, ':') || Syntax.IsOpeningMark(doc, k);
    }

    private static bool IsBackground(Document doc, Candidate c) =>
        doc.Is(c.SourceLead, "after") || doc.Is(c.SourceLead, "before") || doc.Is(c.SourceLead, "since")
        || doc.Is(c.SourceLead, "until") || doc.Is(c.SourceLead, "when") || doc.Is(c.SourceLead, "once")
        || doc.Is(c.SourceLead, "if") || doc.Is(c.SourceLead, "because");
}
