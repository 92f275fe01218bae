using Sourcing.Analysis.Speakers;

namespace Sourcing.Analysis.Data;

/// <summary>
/// The stored speakers a batch's mentions may be, read before the corpus lock: those under the mentions' block keys,
/// and the highest <see cref="Speaker.ChangeSeq"/> stored when they were read.
/// </summary>
public sealed record StoredSpeakers(long Seen, string[] BlockKeys, IReadOnlyList<KnownSpeaker> Speakers);
