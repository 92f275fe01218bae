namespace Sourcing.Query.Paging;

/// <summary>Which list a token belongs to, so that a token of one list is refused by another.</summary>
public enum TokenKind : byte
{
    Articles = 1,
    Attributions = 2,
    WatchCursor = 3,
    Speakers = 4,
}
