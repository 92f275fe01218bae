namespace Sourcing.Analysis.Stories;

/// <summary>An article already in a story, published within the time window of the article being assigned.</summary>
public sealed record StoryCandidate(Guid ArticleId, Guid StoryId, ArticleSignature Signature);
