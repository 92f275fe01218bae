using Sourcing.Data;
using Sourcing.Query.Data;
using Sourcing.Query.Grpc;
using Sourcing.Query.Lists;
using Sourcing.Query.Paging;
using Sourcing.Query.Stories;
using Sourcing.Query.Summaries;
using Sourcing.Query.Telemetry;
using Sourcing.Query.Watch;
using Sourcing.Security;

namespace Sourcing.Query;

/// <summary>The query service's wiring.</summary>
public static class QueryServiceExtensions
{
    /// <summary>The read-only connection the service uses at run time; the migrate step uses <c>sourcing</c>.</summary>
    public const string ReadOnlyConnectionName = "sourcing_readonly";

    public static IHostApplicationBuilder AddQueryServices(this IHostApplicationBuilder builder, bool migrating)
    {
        builder.AddApiKeyAuthorization();
        var connectionString = migrating ? null : builder.Configuration.GetConnectionString(ReadOnlyConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            // Development falls back to the owner's connection; the AppHost and deployments set the read-only one.
            connectionString = builder.Configuration.GetConnectionString(SourcingDatabase.ConnectionName);
        }
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No connection string: set ConnectionStrings__{ReadOnlyConnectionName} (or ConnectionStrings__{SourcingDatabase.ConnectionName}).");
        }
        builder.Services.AddDbContextPool<QueryDbContext>(options => SourcingDatabase.Configure(options, connectionString, QueryDbContext.Schema));
        builder.Services.AddSingleton(_ => QueryDataSource.Create(connectionString));
        builder.Services.AddSingleton(_ => WatchDataSource.Create(connectionString));
        builder.Services.AddOptions<QueryOptions>().BindConfiguration(QueryOptions.Section);
        builder.Services.AddSingleton<PageTokens>();
        builder.Services.AddSingleton<QueryMetrics>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ArticleDetail>();
        builder.Services.AddSingleton<CommonSearchTerms>();
        builder.Services.AddSingleton<ArticleList>();
        builder.Services.AddSingleton<AttributionList>();
        builder.Services.AddSingleton<SourcingSummary>();
        builder.Services.AddSingleton<SpeakerDirectory>();
        builder.Services.AddSingleton<StoryComparison>();
        builder.Services.AddSingleton<AnalysisWatch>();
        builder.Services.AddSingleton<AnalysisNotifications>();
        if (!migrating)
        {
            // The migrate step must not LISTEN (nor need the read-only role); everything else resolves as usual.
            builder.Services.AddHostedService(sp => sp.GetRequiredService<AnalysisNotifications>());
        }
        // The error details the API returns must be known to the JSON writer, or an error becomes a 500.
        // The duration interceptor wraps the error one, so a call's status is the one the client sees.
        builder.Services.AddGrpc(options =>
        {
            options.Interceptors.Add<QueryDurationInterceptor>();
            options.Interceptors.Add<DatabaseErrorInterceptor>();
        }).AddJsonTranscoding(options => options.TypeRegistry =
            Google.Protobuf.Reflection.TypeRegistry.FromMessages(
                Google.Rpc.ErrorInfo.Descriptor, Google.Rpc.BadRequest.Descriptor, Google.Rpc.RetryInfo.Descriptor));
        builder.Services.AddHealthChecks().AddDbContextCheck<QueryDbContext>();
        return builder;
    }

    public static WebApplication MapQueryEndpoints(this WebApplication app)
    {
        // Mapped on every endpoint: gRPC on the HTTP/2 one, and the JSON transcoded routes on the HTTP/1.1
        // health endpoint too, where curl and dashboards reach them.
        app.MapGrpcService<QueryGrpcService>();
        return app;
    }
}
