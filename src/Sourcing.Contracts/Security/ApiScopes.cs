namespace Sourcing.Contracts.Security;

/// <summary>What a key may do.</summary>
[Flags]
public enum ApiScopes
{
    None = 0,

    /// <summary>QueryService, IngestService.GetIngestStatus.</summary>
    Read = 1,

    /// <summary>IngestService, AnalysisService.Reanalyze and GetReanalysis; implies read.</summary>
    Write = 2,

    /// <summary>AnalysisService.Analyze and AnalyzeArticle: the services' own key (the ingest dispatcher's).</summary>
    Service = 4,
}
