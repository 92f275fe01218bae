using Sourcing.Data;
using Sourcing.Query.Data;
using Sourcing.Query.Grpc;

namespace Sourcing.Query;

/// <summary>The query service's wiring.</summary>
public static class QueryServiceExtensions
{
    public static IHostApplicationBuilder AddQueryServices(this IHostApplicationBuilder builder)
    {
        builder.AddSourcingDbContext<QueryDbContext>(QueryDbContext.Schema);
        builder.Services.AddGrpc();
        builder.Services.AddHealthChecks().AddDbContextCheck<QueryDbContext>();
        return builder;
    }

    public static WebApplication MapQueryEndpoints(this WebApplication app)
    {
        app.MapGrpcService<QueryGrpcService>();
        return app;
    }
}
