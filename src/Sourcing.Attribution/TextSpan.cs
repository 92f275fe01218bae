namespace Sourcing.Attribution;

/// <summary>A range of a text in UTF-16 code units, end exclusive.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;

    public bool IsEmpty => End <= Start;

    public string Of(string text) => text.Substring(Start, End - Start);
}
