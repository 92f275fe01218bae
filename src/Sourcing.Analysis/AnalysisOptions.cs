namespace Sourcing.Analysis;

/// <summary>Analysis settings (section <c>Analysis</c>).</summary>
public sealed class AnalysisOptions
{
    public const string Section = "Analysis";

    /// <summary>The largest text accepted, in UTF-8 bytes.</summary>
    public int MaxTextBytes { get; set; } = 2 * 1024 * 1024;

    /// <summary>How far apart in time two articles of one story may be.</summary>
    public TimeSpan StoryWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// At most this many articles an article is compared with for its story: those sharing the most of its heaviest
    /// terms, then the latest. Bounds the work per article however many articles the window holds.
    /// </summary>
    public int StoryCandidates { get; set; } = 300;

    /// <summary>Articles a reanalysis worker takes per batch (one cursor update each).</summary>
    public int ReanalysisBatchSize { get; set; } = 50;

    /// <summary>How often the reanalysis worker looks for jobs nobody signalled it about.</summary>
    public TimeSpan ReanalysisPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker's claim on a job lasts before another may resume it.</summary>
    public TimeSpan ReanalysisLease { get; set; } = TimeSpan.FromMinutes(2);
}
