namespace Sourcing.Analysis.Stories;

/// <summary>A signature over a <see cref="TermSpace"/>: term numbers and their weights (before inverse document frequency), in step.</summary>
public sealed record TermVector(int[] Ids, double[] Weights);
