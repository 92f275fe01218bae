namespace Sourcing.Ingest.Outbox;

/// <summary>Dispatcher settings (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Whether this replica dispatches; an ingest-only replica still queues work for the others.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Rows claimed at once and sent in one AnalyzeArticles call (at most 256): analysis pays its corpus-wide work once
    /// per call. A call that runs past its deadline halves the size for the next ones; each call that succeeds grows it
    /// back by one.
    /// </summary>
    public int AnalyzeBatchSize { get; set; } = 256;

    /// <summary>Analysis calls in flight at once in this replica; the next batch is claimed as soon as one ends.</summary>
    public int MaxConcurrency { get; set; } = 2;

    /// <summary>After this many failed attempts an article is parked as failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How often to look for work when nothing signals it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds a row; a replica that dies loses its rows to others after it.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The deadline of one AnalyzeArticles call.</summary>
    public TimeSpan CallDeadline { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The first retry delay; it doubles per attempt, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);
}
