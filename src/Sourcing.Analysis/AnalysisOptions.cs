namespace Sourcing.Analysis;

/// <summary>Analysis settings (section <c>Analysis</c>).</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>The largest text accepted, in UTF-8 bytes.</summary>
    public int MaxTextBytes { get; set; } = 2 * 1024 * 1024;
}
