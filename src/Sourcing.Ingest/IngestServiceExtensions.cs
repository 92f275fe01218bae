using Sourcing.Contracts.V1;
using Sourcing.Data;
using Sourcing.Ingest.Articles;
using Sourcing.Ingest.Data;
using Sourcing.Ingest.Grpc;
using Sourcing.Ingest.Outbox;
using Sourcing.Ingest.Similarity;
using Sourcing.Ingest.Telemetry;
using Sourcing.Security;

namespace Sourcing.Ingest;

/// <summary>The ingest service's wiring.</summary>
public static class IngestServiceExtensions
{
    public static IHostApplicationBuilder AddIngestServices(this IHostApplicationBuilder builder)
    {
        builder.AddApiKeyAuthorization();
        builder.AddSourcingDbContext<IngestDbContext>(IngestDbContext.Schema);
        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = 4 * 1024 * 1024;
        });
        builder.Services.AddOptions<IngestOptions>().BindConfiguration(IngestOptions.Section);
        builder.Services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section);
        builder.Services.AddOptions<SimilarityOptions>().BindConfiguration(SimilarityOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<OutboxSignal>();
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddSingleton<OutboxGauges>();
        builder.Services.AddScoped<ArticleIngestor>();
        builder.Services.AddScoped<ArticleBatchStore>();
        builder.Services.AddScoped<OutboxStore>();
        builder.Services.AddScoped<SimilarityIndex>();
        builder.Services.AddServiceGrpcClient<AnalysisService.AnalysisServiceClient>("analysis")
            .AddServiceCredentials(builder.Configuration.GetSection("Analysis"));
        builder.Services.AddHostedService<OutboxDispatcher>();
        builder.Services.AddHealthChecks().AddDbContextCheck<IngestDbContext>();
        return builder;
    }

    public static WebApplication MapIngestEndpoints(this WebApplication app)
    {
        app.MapGrpcService<IngestGrpcService>();
        app.Services.GetRequiredService<OutboxGauges>();
        return app;
    }
}
