namespace Sourcing.Attribution.Lexicon;

/// <summary>How a cue verb takes its content.</summary>
internal enum CueFrame
{
    /// <summary>A reported clause or a quote: "said (that) ...".</summary>
    Clause,

    /// <summary>An addressee, then a clause: "told reporters (that) ...".</summary>
    Tell,

    /// <summary>A noun phrase or a clause: "stressed the need for ...".</summary>
    NounPhrase,

    /// <summary>An addressee and an infinitive: "asked Iran's leaders to ...".</summary>
    ObjectTo,

    /// <summary>An infinitive: "threatened to ...".</summary>
    To,

    /// <summary>A that-clause or a subject and verb: "demanded (that) Iran restrain ...".</summary>
    Demand,

    /// <summary>Only with a document as source: "the statement read".</summary>
    Document,

    /// <summary>"according to X".</summary>
    AccordingTo,
}
