namespace Sourcing.Query.Tests.Support;

/// <summary>An article to store as ingest and analysis would, with its attributions (null: not analyzed).</summary>
public sealed record StoredArticle(string? Outlet, DateTime PublishedAt, string Title, string Text, IReadOnlyList<StoredQuote>? Quotes)
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
}

/// <summary>One attribution: sourcing 1 named, 2 anonymous; entity, quote type as the proto numbers.</summary>
public sealed record StoredQuote(string Speaker, short Sourcing, string? Reason = null, short Entity = 1, short QuoteType = 1);
