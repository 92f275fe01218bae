using Sourcing.Contracts.Security;
using Sourcing.Contracts.V1;

namespace Sourcing.Security;

/// <summary>
/// The scope each method needs. Health and reflection are open (probes, grpcurl); a method this map does not
/// know needs the service scope, so a new method is closed until someone decides otherwise.
/// </summary>
internal static class MethodScopes
{
    private static readonly Dictionary<string, ApiScopes> ByService = new(StringComparer.Ordinal)
    {
        [IngestService.Descriptor.FullName] = ApiScopes.Write,
        [AnalysisService.Descriptor.FullName] = ApiScopes.Service,
        [QueryService.Descriptor.FullName] = ApiScopes.Read,
        ["grpc.health.v1.Health"] = ApiScopes.None,
        ["grpc.reflection.v1alpha.ServerReflection"] = ApiScopes.None,
        ["grpc.reflection.v1.ServerReflection"] = ApiScopes.None,
    };

    private static readonly Dictionary<string, ApiScopes> ByMethod = new(StringComparer.Ordinal)
    {
        [Method(IngestService.Descriptor.FullName, nameof(IngestService.IngestServiceBase.GetIngestStatus))] = ApiScopes.Read,
        [Method(AnalysisService.Descriptor.FullName, nameof(AnalysisService.AnalysisServiceBase.Reanalyze))] = ApiScopes.Write,
        [Method(AnalysisService.Descriptor.FullName, nameof(AnalysisService.AnalysisServiceBase.GetReanalysis))] = ApiScopes.Write,
    };

    /// <summary>The scope <paramref name="method"/> (<c>/package.Service/Method</c>) needs; None when it is open.</summary>
    public static ApiScopes For(string method)
    {
        if (ByMethod.TryGetValue(method, out var scope))
        {
            return scope;
        }
        var service = method.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
        return ByService.GetValueOrDefault(service, ApiScopes.Service);
    }

    private static string Method(string service, string name) => $"/{service}/{name}";
}
