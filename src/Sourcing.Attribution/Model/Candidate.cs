using Sourcing.Attribution.Lexicon;

namespace Sourcing.Attribution.Model;

/// <summary>How the source and the content sit around the cue.</summary>
internal enum CuePlacement
{
    /// <summary>Source, cue, then content: "Kirby said the talks ...".</summary>
    Preposed,

    /// <summary>Content first: "“...,” Kirby said." or "..., according to X."</summary>
    Postposed,
}

/// <summary>An attribution being built by the stages; dropped when a stage rejects it.</summary>
internal sealed class Candidate
{
    public int CueFirst { get; set; }

    public int CueEnd { get; set; }

    public int Sentence { get; set; }

    public CueVerb? Verb { get; set; }

    public CueFrame Frame { get; set; }

    public bool IsParticiple { get; set; }

    public bool Coordinated { get; set; }

    /// <summary>The "and" that joins a coordinated cue to the verb before it.</summary>
    public int JoinToken { get; set; } = -1;

    public CuePlacement Placement { get; set; }

    /// <summary>For a postposed cue, the comma or closing mark that ends the content.</summary>
    public int Boundary { get; set; } = -1;

    public int SourceFirst { get; set; } = -1;

    public int SourceEnd { get; set; } = -1;

    /// <summary>The token just before the source, for rules about subordinate clauses.</summary>
    public int SourceLead { get; set; } = -1;

    public TextSpan Content { get; set; }

    public QuoteKind Quote { get; set; }

    public Mention? Mention { get; set; }

    public TextSpan? Reason { get; set; }

    public bool Rejected { get; set; }

    public bool HasSource => SourceEnd > SourceFirst;
}
