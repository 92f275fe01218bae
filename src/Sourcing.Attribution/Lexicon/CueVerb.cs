namespace Sourcing.Attribution.Lexicon;

/// <summary>One entry of the cue lexicon: a verb form with its particle, frame and strength.</summary>
/// <param name="Lemma">The base form with its particle ("call for").</param>
/// <param name="Particle">The particle that must follow the form ("for"), or empty.</param>
/// <param name="Frame">How the verb takes its content.</param>
/// <param name="Weak">Whether the subject must be a recognisable communicator.</param>
internal sealed record CueVerb(string Lemma, string Particle, CueFrame Frame, bool Weak);
