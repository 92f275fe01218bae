namespace Sourcing.Attribution.Model;

/// <summary>A sentence as a token range [First, End) and the paragraph it belongs to.</summary>
internal readonly record struct Sentence(int First, int End, int Paragraph);
