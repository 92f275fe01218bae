using Sourcing.Attribution;

namespace Sourcing.Analysis.Data;

/// <summary>An article and the attributions the engine found in it, ready to be stored.</summary>
public sealed record ArticleToStore(ArticleInput Article, IReadOnlyList<DetectedAttribution> Found);
