using Sourcing.Attribution;

namespace Sourcing.Analysis.Engine;

/// <summary>
/// The engine as analysis runs it, with the version its results are stored under. A seam so that tests can
/// run "a new engine version" over stored articles.
/// </summary>
public class AttributionRunner(AttributionEngine engine)
{
    public virtual string Version => AttributionEngine.Version;

    public virtual IReadOnlyList<DetectedAttribution> Analyze(string text) => engine.Analyze(text);
}
