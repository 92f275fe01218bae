using Sourcing.Data;
using Sourcing.Ingest.Data;

namespace Sourcing.Ingest;

/// <summary>Builds and runs the ingest service; tests host it the same way on their own ports.</summary>
public static class IngestApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(args, typeof(IngestApp).Assembly,
            builder => builder.AddIngestServices(), app => app.MapIngestEndpoints(), configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<IngestDbContext>(Build(args), args);
}
