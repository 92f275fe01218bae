namespace Sourcing.Analysis.Data;

/// <summary>What storing an analysis produced.</summary>
public sealed record StoredAnalysis(Guid AnalysisId, Guid StoryId, int AttributionCount, int AnonymousCount);
