namespace Sourcing.AppHost;

/// <summary>
/// The environment a service gets, on .NET Aspire's conventions so that the services need no change under a real
/// Aspire AppHost: <c>ConnectionStrings__sourcing</c>, <c>services__NAME__http__0</c>, <c>OTEL_*</c>, Kestrel endpoints.
/// </summary>
public static class ServiceEnvironment
{
    public static IReadOnlyDictionary<string, string?> For(ServiceDefinition service, IEnumerable<ServiceDefinition> all, string connectionString)
    {
        var environment = new Dictionary<string, string?>
        {
            ["ConnectionStrings__sourcing"] = connectionString,
            ["Kestrel__Endpoints__Grpc__Url"] = service.GrpcUrl,
            ["Kestrel__Endpoints__Grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__Health__Url"] = service.HealthUrl,
            ["Kestrel__Endpoints__Health__Protocols"] = "Http1",
            ["OTEL_SERVICE_NAME"] = service.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={Guid.NewGuid()}",
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",

            // Inherited URL settings would add endpoints next to the Kestrel ones above.
            ["ASPNETCORE_URLS"] = null,
            ["ASPNETCORE_HTTP_PORTS"] = null,
            ["ASPNETCORE_HTTPS_PORTS"] = null,
        };

        foreach (var other in all)
        {
            environment[$"services__{other.Name}__http__0"] = other.GrpcUrl;
        }

        // OTEL_EXPORTER_OTLP_ENDPOINT passes through from the AppHost's own environment only if the user set it.
        return environment;
    }
}
