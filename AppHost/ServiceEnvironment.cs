namespace Sourcing.AppHost;

/// <summary>
/// The environment a service gets, on .NET Aspire's conventions so that the services need no change under a real
/// Aspire AppHost: <c>ConnectionStrings__sourcing</c>, <c>services__NAME__http__0</c>, <c>OTEL_*</c>, Kestrel endpoints.
/// </summary>
public static class ServiceEnvironment
{
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <param name="all">Every service process; a service with replicas is listed once per replica (<c>services__NAME__http__0</c>, <c>__1</c>, ...).</param>
    /// <param name="otlpEndpoint">The AppHost's own OTLP receiver, used unless the user set <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</param>
    /// <param name="instanceId">This process's <c>service.instance.id</c>; a new one when not given.</param>
    public static IReadOnlyDictionary<string, string?> For(
        ServiceDefinition service, IEnumerable<ServiceDefinition> all, string connectionString, string? otlpEndpoint = null, string? instanceId = null)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__sourcing"] = connectionString,
            ["Kestrel__Endpoints__Grpc__Url"] = service.GrpcUrl,
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__Health__Url"] = service.HealthUrl,
            ["Kestrel__Endpoints__Health__Protocols"] = "Http1",
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceId ?? Guid.NewGuid().ToString()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",

            // Inherited URL settings would add endpoints next to the Kestrel ones above.
            ["ASPNETCORE_URLS"] = null,
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["ASPNETCORE_HTTPS_PORTS"] = null,
        };

        if (service.Name == "query")
        {
            environment["ConnectionStrings__sourcing_readonly"] = ReadOnlyConnectionString(connectionString);
        }

        foreach (var replicas in all.GroupBy(other => other.Name))
        {
            foreach (var (replica, index) in replicas.Select((replica, index) => (replica, index)))
            {
                environment[$"services__{replicas.Key}__http__{index}"] = replica.GrpcUrl;
            }
        }

        // A user's OTEL_EXPORTER_OTLP_ENDPOINT (a collector, a real Aspire dashboard) passes through untouched with its protocol.
        if (otlpEndpoint is not null && string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(OtlpEndpointVariable)))
        {
            environment[OtlpEndpointVariable] = otlpEndpoint;
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "grpc";
            // As Aspire does for local runs: short batches, so that a trace shows up a second after the call.
            environment["OTEL_BSP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_BLRP_SCHEDULE_DELAY"] = "1000";
            environment["OTEL_METRIC_EXPORT_INTERVAL"] = "5000";
        }

        return environment;
    }

    /// <summary>
    /// Query reads through the read-only role its migration creates. A user-given
    /// <c>ConnectionStrings__sourcing_readonly</c> wins; on an existing server without one, query
    /// falls back to the main connection; on the AppHost's own server (trust authentication on
    /// loopback) it is the main connection with the reader role.
    /// </summary>
    private static string? ReadOnlyConnectionString(string connectionString)
    {
        if (Environment.GetEnvironmentVariable("ConnectionStrings__sourcing_readonly") is { Length: > 0 } given)
        {
            return given;
        }
        if (Environment.GetEnvironmentVariable("ConnectionStrings__sourcing") is { Length: > 0 })
        {
            return null;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Username = ReaderRole, Password = null }.ConnectionString;
    }

    private const string ReaderRole = "sourcing_reader";
}
