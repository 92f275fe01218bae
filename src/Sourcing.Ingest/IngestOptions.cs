namespace Sourcing.Ingest;

/// <summary>Ingest settings (section <c>Ingest</c>).</summary>
public sealed class IngestOptions
{
    public const string Section = "Ingest";

    /// <summary>The largest accepted body, in UTF-8 bytes.</summary>
    public int MaxBodyBytes { get; set; } = 2 * 1024 * 1024;
}
