using Sourcing.Data;
using Sourcing.Query.Data;

namespace Sourcing.Query;

/// <summary>Builds and runs the query service; tests host it the same way on their own ports.</summary>
public static class QueryApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        ServiceApp.Build(args, typeof(QueryApp).Assembly,
            builder => builder.AddQueryServices(MigrateCommand.IsRequested(args)), app => app.MapQueryEndpoints(), configure);

    public static Task<int> RunAsync(string[] args) => ServiceApp.RunAsync<QueryDbContext>(Build(args), args);
}
