namespace Sourcing.Attribution.Model;

/// <summary>
/// A quotation: its opening and closing mark tokens. It may run across sentences and
/// paragraphs; <see cref="Nested"/> marks a quotation inside another one.
/// </summary>
internal sealed record Quotation(int Open, int Close, bool Nested)
{
    public int ContentStart { get; init; }

    public int ContentEnd { get; init; }
}
