using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;

namespace Sourcing.Data;

/// <summary>
/// How every Sourcing service is built and run: service defaults, the service's own wiring,
/// and either the migration step (argument <c>migrate</c>) or the server. Tests build the
/// same app on their own ports.
/// </summary>
public static class ServiceApp
{
    public static WebApplication Build(
        string[] args,
        Assembly serviceAssembly,
        Action<WebApplicationBuilder> addServices,
        Action<WebApplication> mapEndpoints,
        Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = serviceAssembly.GetName().Name,
        });
        configure?.Invoke(builder);
        builder.AddServiceDefaults();
        addServices(builder);
        var app = builder.Build();
        mapEndpoints(app);
        app.MapDefaultEndpoints();
        return app;
    }

    public static async Task<int> RunAsync<TContext>(WebApplication app, string[] args)
        where TContext : DbContext
    {
        await using (app)
        {
            if (MigrateCommand.IsRequested(args))
            {
                return await MigrateCommand.RunAsync<TContext>(app);
            }
            await app.RunAsync();
            return 0;
        }
    }
}
