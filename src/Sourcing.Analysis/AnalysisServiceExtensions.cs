using Sourcing.Analysis.Data;
using Sourcing.Analysis.Grpc;
using Sourcing.Attribution;
using Sourcing.Data;

namespace Sourcing.Analysis;

/// <summary>The analysis service's wiring.</summary>
public static class AnalysisServiceExtensions
{
    public static IHostApplicationBuilder AddAnalysisServices(this IHostApplicationBuilder builder)
    {
        builder.AddSourcingDbContext<AnalysisDbContext>(AnalysisDbContext.Schema);
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 4 * 1024 * 1024);
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(AttributionEngine.Default);
        builder.Services.AddScoped<AnalysisStore>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AnalysisDbContext>();
        return builder;
    }

    public static WebApplication MapAnalysisEndpoints(this WebApplication app)
    {
        app.MapGrpcService<AnalysisGrpcService>();
        return app;
    }
}
