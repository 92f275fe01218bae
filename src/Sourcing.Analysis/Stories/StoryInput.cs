namespace Sourcing.Analysis.Stories;

/// <summary>An article to assign to a story: when it happened (publication, else receipt), its headline and its signature.</summary>
public sealed record StoryInput(Guid ArticleId, DateTime StoryTime, string? Title, ArticleSignature Signature);
