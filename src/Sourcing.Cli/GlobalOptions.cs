using System.CommandLine;
using System.Globalization;
using Sourcing.Cli.Services;

namespace Sourcing.Cli;

/// <summary>
/// Options every command accepts: where the services are, how long to wait for them, the API key and
/// the CA to trust.
/// An explicit option wins over the environment variable, which wins over the default.
/// </summary>
internal sealed class GlobalOptions
{
    public const double DefaultTimeoutSeconds = 30;

    public GlobalOptions(Func<string, string?> environment)
    {
        IngestUrl = UrlOption("ingest", "SOURCING_INGEST_URL", "http://127.0.0.1:7101", environment);
        AnalysisUrl = UrlOption("analysis", "SOURCING_ANALYSIS_URL", "http://127.0.0.1:7102", environment);
        QueryUrl = UrlOption("query", "SOURCING_QUERY_URL", "http://127.0.0.1:7103", environment);
        ApiKey = new Option<string?>("--api-key")
        {
            Description = "The API key sent as 'authorization: Bearer' (needed where the services require keys). Environment: SOURCING_API_KEY.",
            HelpName = "key",
            Recursive = true,
            DefaultValueFactory = _ => environment("SOURCING_API_KEY") is { Length: > 0 } key ? key : null,
        };
        CaFile = new Option<string?>("--ca-file")
        {
            Description = "A PEM file of the CA that issued the services' certificates, for https:// URLs. Environment: SOURCING_CA_FILE.",
            HelpName = "pem",
            Recursive = true,
            DefaultValueFactory = _ => environment("SOURCING_CA_FILE") is { Length: > 0 } file ? file : null,
        };
        Timeout = new Option<double>("--timeout")
        {
            Description = "Seconds to wait for each call to a service.",
            HelpName = "seconds",
            Recursive = true,
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return seconds;
                }
                result.AddError($"--timeout must be a number of seconds, not '{token}'.");
                return 0;
            },
        };
    }

    public Option<string> IngestUrl { get; }

    public Option<string> AnalysisUrl { get; }

    public Option<string> QueryUrl { get; }

    public Option<double> Timeout { get; }

    public Option<string?> ApiKey { get; }

    public Option<string?> CaFile { get; }

    public void AddTo(RootCommand root)
    {
        root.Options.Add(IngestUrl);
        root.Options.Add(AnalysisUrl);
        root.Options.Add(QueryUrl);
        root.Options.Add(Timeout);
        root.Options.Add(ApiKey);
        root.Options.Add(CaFile);
    }

    public ServiceTarget Ingest(ParseResult result) => Target("ingest", IngestUrl, result);

    public ServiceTarget Analysis(ParseResult result) => Target("analysis", AnalysisUrl, result);

    public ServiceTarget Query(ParseResult result) => Target("query", QueryUrl, result);

    /// <summary>
    /// The service a command calls. Checked here rather than by option validators because
    /// defaults (and so the environment variables) are not seen by those.
    /// </summary>
    private ServiceTarget Target(string name, Option<string> url, ParseResult result)
    {
        var address = result.GetValue(url);
        if (!ServiceTarget.IsValidAddress(address))
        {
            throw new UsageException($"{url.Name} must be an absolute http:// or https:// URL, not '{address}'.");
        }
        var seconds = result.GetValue(Timeout);
        if (seconds is not (> 0 and <= 86_400))
        {
            throw new UsageException("--timeout must be a number of seconds between 0 and 86400.");
        }
        var caFile = result.GetValue(CaFile);
        if (caFile is not null && !File.Exists(caFile))
        {
            throw new UsageException($"--ca-file '{caFile}' does not exist.");
        }
        return new ServiceTarget(name, new Uri(address!), TimeSpan.FromSeconds(seconds), result.GetValue(ApiKey), caFile);
    }

    private static Option<string> UrlOption(string service, string variable, string fallback, Func<string, string?> environment) =>
        new($"--{service}-url")
        {
            Description = string.Create(CultureInfo.InvariantCulture,
                $"Address of the {service} service (http:// for h2c, https:// for TLS). Environment: {variable}."),
            HelpName = "url",
            Recursive = true,
            DefaultValueFactory = _ => environment(variable) is { Length: > 0 } fromEnvironment ? fromEnvironment : fallback,
        };
}
