namespace Sourcing.Analysis.Data;

/// <summary>
/// A speaker entity resolved across articles and outlets: a person, an organization or a named document.
/// <see cref="BlockKey"/> is what candidates are looked up by; <see cref="ContextTerms"/> the terms of the
/// articles it was seen in, which spelling variants must share to merge.
/// </summary>
public sealed class Speaker
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public short Entity { get; set; }
    public required string BlockKey { get; set; }
    public string[] ContextTerms { get; set; } = [];
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>
    /// Numbered from a sequence when the speaker is stored and each time it changes (name, context or aliases). Speakers
    /// change only under analysis's corpus lock, so a change committed after speakers were read has a higher number.
    /// </summary>
    public long ChangeSeq { get; set; }
}
