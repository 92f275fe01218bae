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
                || IsHypothetical(doc, c) || IsFirstPerson(doc, c, m) || IsInfinitiveComplement(doc, c)
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

    // "if the review found that ...", "whether the report says ...": not a report of speech.
    private static bool IsHypothetical(Document doc, Candidate c) =>
        c.Placement == CuePlacement.Preposed && (doc.Is(c.SourceLead, "if") || doc.Is(c.SourceLead, "unless") || doc.Is(c.SourceLead, "whether"));

    // "For years I wondered whether ...": outside quotation marks, "I" and "we" are the writer
    // or an interview answer, not a reported source.
    private static bool IsFirstPerson(Document doc, Candidate c, Mention m) =>
        m.Kind == MentionKind.Pronoun && m.Head is "i" or "we" && doc.Tokens[c.SourceFirst].Quote < 0;

    // "ministers agreed to extend the quotas": a clause verb with an infinitive reports an act.
    private static bool IsInfinitiveComplement(Document doc, Candidate c)
    {
        if (c.Frame != CueFrame.Clause)
        {
            return false;
        }
        var k = Clauses.SkipAdverbialsRight(doc, c.CueEnd, doc.Count);
        return doc.Is(k, "to") && doc.IsLower(k + 1) && !doc.Has(k + 1, WordClass.Determiner | WordClass.Pronoun | WordClass.Addressee | WordClass.RoleNoun | WordClass.PluralRole)
            && !doc.Span(k + 1).EndsWith("s", StringComparison.Ordinal);
    }

    private static bool IsBackground(Document doc, Candidate c) =>
        doc.Is(c.SourceLead, "after") || doc.Is(c.SourceLead, "before") || doc.Is(c.SourceLead, "since")
        || doc.Is(c.SourceLead, "until") || doc.Is(c.SourceLead, "when") || doc.Is(c.SourceLead, "once")
        || doc.Is(c.SourceLead, "if") || doc.Is(c.SourceLead, "because");
}
