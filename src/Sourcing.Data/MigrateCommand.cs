using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Sourcing.Data;

/// <summary>
/// The migration step: a service started with the argument <c>migrate</c> applies its own
/// schema's migrations and exits, so that migrations run before the services (the AppHost's
/// migration step, a Kubernetes Job), never hidden in service start-up.
/// </summary>
public static class MigrateCommand
{
    public const string Argument = "migrate";

    public static bool IsRequested(string[] args) => args.Contains(Argument, StringComparer.OrdinalIgnoreCase);

    public static async Task<int> RunAsync<TContext>(IHost host, CancellationToken cancellationToken = default)
        where TContext : DbContext
    {
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MigrateCommand));
        try
        {
            await using var scope = host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            // Created first, so that reading the applied migrations never trips over a missing table
            // (which EF Core and PostgreSQL would both log as an error on every fresh database).
            await db.GetService<IHistoryRepository>().CreateIfNotExistsAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            await db.Database.MigrateAsync(cancellationToken);
            logger.LogInformation("Applied {Count} migration(s) of {Context}: {Migrations}",
                pending.Count, typeof(TContext).Name, string.Join(", ", pending));
            return 0;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Migrating {Context} failed", typeof(TContext).Name);
            return 1;
        }
    }
}
