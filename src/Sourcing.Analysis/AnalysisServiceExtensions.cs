using Sourcing.Analysis.Data;
using Sourcing.Analysis.Engine;
using Sourcing.Analysis.Grpc;
using Sourcing.Analysis.Reanalysis;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sourcing.Attribution;
using Sourcing.Data;
using Sourcing.Analysis.Telemetry;
using Sourcing.Security;

namespace Sourcing.Analysis;

/// <summary>The analysis service's wiring.</summary>
public static class AnalysisServiceExtensions
{
    public static IHostApplicationBuilder AddAnalysisServices(this IHostApplicationBuilder builder)
    {
        builder.AddApiKeyAuthorization();
        builder.AddSourcingDbContext<AnalysisDbContext>(AnalysisDbContext.Schema);
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 4 * 1024 * 1024);
        builder.Services.AddOptions<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(AttributionEngine.Default);
        builder.Services.TryAddSingleton<AttributionRunner>();
        builder.Services.AddSingleton<AnalysisMetrics>();
        builder.Services.AddScoped<AnalysisStore>();
        builder.Services.AddScoped<SpeakerStore>();
        builder.Services.AddScoped<StoryStore>();
        builder.Services.AddScoped<ReanalysisJobs>();
        builder.Services.AddSingleton<ReanalysisSignal>();
        builder.Services.AddHostedService<ReanalysisWorker>();
        builder.Services.AddHealthChecks().AddDbContextCheck<AnalysisDbContext>();
        return builder;
    }

    public static WebApplication MapAnalysisEndpoints(this WebApplication app)
    {
        app.MapGrpcService<AnalysisGrpcService>();
        return app;
    }
}
