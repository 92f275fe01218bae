namespace Sourcing.Query;

/// <summary>The query service's settings (configuration section <c>Query</c>).</summary>
public sealed class QueryOptions
{
    public const string Section = "Query";

    /// <summary>
    /// The development key that signs page tokens and watch cursors when <c>Query:PageTokenKey</c> is not set.
    /// Anyone who knows it can forge tokens that skip the filter check: set a secret key in production.
    /// </summary>
    public const string DevelopmentPageTokenKey = "sourcing-development-page-token-key";

    /// <summary>The secret that signs page tokens and watch cursors (HMAC-SHA256); at least 16 characters.</summary>
    public string PageTokenKey { get; set; } = DevelopmentPageTokenKey;

    /// <summary>How often a watch looks for new analyses when no notification arrived (a safety net for lost notifications).</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(30);
}
