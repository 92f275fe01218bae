using System.CommandLine;
using System.Reflection;
using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost;

/// <summary>The command line: ports, the data folder; PostgreSQL from <c>ConnectionStrings__sourcing</c> if set.</summary>
public static class AppHostCommand
{
    public const string ConnectionStringVariable = "ConnectionStrings__sourcing";

    public static RootCommand Create()
    {
        var ingestPort = PortOption("--ingest-port", 7101, "The ingest service's gRPC port.");
        var analysisPort = PortOption("--analysis-port", 7102, "The analysis service's gRPC port.");
        var queryPort = PortOption("--query-port", 7103, "The query service's gRPC port.");
        var ingestHealthPort = PortOption("--ingest-health-port", 7111, "The ingest service's HTTP/1.1 health port.");
        var analysisHealthPort = PortOption("--analysis-health-port", 7112, "The analysis service's HTTP/1.1 health port.");
        var queryHealthPort = PortOption("--query-health-port", 7113, "The query service's HTTP/1.1 health port.");
        var otlpPort = PortOption("--otlp-port", 18889, "The AppHost's OTLP/gRPC receiver, where the services send telemetry (unless OTEL_EXPORTER_OTLP_ENDPOINT is set).");
        var dashboardPort = PortOption("--dashboard-port", 18888, "The dashboard page: resources, traces, logs and metrics.");
        var prometheusPort = PortOption("--prometheus-port", 9090, "Prometheus's web port, where 'prometheus' is on PATH (it scrapes each service through the dashboard's /metrics/<resource>).");
        var replicas = new Option<string[]>("--replicas")
        {
            Description = $"NAME=N: run N processes (1 to {ServiceReplicas.MaxReplicas}) of the service NAME (analysis, ingest or query), named NAME-1 ... NAME-N; " +
                          "the first keeps the service's ports, the others get free ones. Repeatable.",
            Arity = ArgumentArity.OneOrMore,
        };
        replicas.Validators.Add(result =>
        {
            try
            {
                ServiceReplicas.Parse(result.GetValueOrDefault<string[]>() ?? [], ServiceNames);
            }
            catch (AppHostException exception)
            {
                result.AddError(exception.Message);
            }
        });
        var seed = new Option<bool>("--seed") { Description = "Once healthy, ingest the project's sample articles (samples/*.txt); seeding again stores no copies." };
        var dataDirectory = new Option<string?>("--data-dir")
        {
            Description = "The local PostgreSQL data folder, kept across runs (default: <repo>/.data/postgres). " +
                          $"Ignored when {ConnectionStringVariable} names an existing server.",
        };

        var command = new RootCommand(
            "Runs Sourcing locally: PostgreSQL, the migration step, then the analysis, ingest and query services. Ctrl+C stops everything.")
        {
            ingestPort, analysisPort, queryPort, ingestHealthPort, analysisHealthPort, queryHealthPort, otlpPort, dashboardPort, prometheusPort,
            dataDirectory, replicas, seed,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = RepositoryRoot.Find();
            var options = new AppHostOptions
            {
                RepositoryRoot = root,
                Configuration = typeof(AppHostCommand).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
                ConnectionString = NullIfBlank(Environment.GetEnvironmentVariable(ConnectionStringVariable)),
                OtlpPort = parse.GetValue(otlpPort),
                DashboardPort = parse.GetValue(dashboardPort),
                PrometheusPort = parse.GetValue(prometheusPort),
                DataDirectory = Path.GetFullPath(parse.GetValue(dataDirectory) ?? DefaultDataDirectory(root)),
                Seed = parse.GetValue(seed),
                Services = ServiceReplicas.Expand(
                    [
                        new ServiceDefinition("analysis", "Sourcing.Analysis", parse.GetValue(analysisPort), parse.GetValue(analysisHealthPort)),
                        new ServiceDefinition("ingest", "Sourcing.Ingest", parse.GetValue(ingestPort), parse.GetValue(ingestHealthPort)),
                        new ServiceDefinition("query", "Sourcing.Query", parse.GetValue(queryPort), parse.GetValue(queryHealthPort)),
                    ],
                    ServiceReplicas.Parse(parse.GetValue(replicas) ?? [], ServiceNames)),
            };
            using var log = new ConsoleLog();
            return await new Orchestrator(options, log).RunAsync(cancellationToken);
        });
        return command;
    }

    private static readonly string[] ServiceNames = ["analysis", "ingest", "query"];

    private static Option<int> PortOption(string name, int defaultPort, string description) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultPort,
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    // As root the server runs as the postgres OS user, who must be able to reach the folder; a repository under
    // a private home (/root is 0700) cannot host it, so the data then lives under /var/tmp, keyed by the repository.
    private static string DefaultDataDirectory(string root)
    {
        var inRepository = Path.Combine(root, ".data", "postgres");
        if (!CurrentUser.IsRoot || OsUser.FindUntraversableAncestor(inRepository) is null)
        {
            return inRepository;
        }

        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(root)))[..12];
        return Path.Combine("/var/tmp", "sourcing-" + key, "postgres");
    }
}
