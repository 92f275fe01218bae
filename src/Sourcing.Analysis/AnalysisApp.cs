using Sourcing.Data;
using Sourcing.Analysis.Data;

namespace Sourcing.Analysis;

/// <summary>Builds and runs the analysis service; tests host it the same way on their own ports.</summary>
public static class AnalysisApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(args, typeof(AnalysisApp).Assembly,
            builder => builder.AddAnalysisServices(), app => app.MapAnalysisEndpoints(), configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<AnalysisDbContext>(Build(args), args);
}
