using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Sourcing.Data;

/// <summary>Registers a service's DbContext on the shared <c>sourcing</c> database, in the service's own schema.</summary>
public static class SourcingDatabase
{
    public const string ConnectionName = "sourcing";

    public static void AddSourcingDbContext<TContext>(this IHostApplicationBuilder builder, string schema)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"No connection string '{ConnectionName}': set ConnectionStrings__{ConnectionName} " +
                "(the AppHost sets it when it starts the services).");
        }
        builder.Services.AddDbContextPool<TContext>(options => Configure(options, connectionString, schema));
    }

    /// <summary>
    /// The options every Sourcing DbContext uses; also used by design-time factories. Transient
    /// failures (a pooled connection that died with a server restart) are retried a few times
    /// quickly, so a restart costs callers little; a server that stays down still fails fast, and
    /// explicit transactions run through <see cref="TransactionExtensions.InTransactionAsync"/>.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString, string schema) =>
        options.UseNpgsql(connectionString, npgsql => npgsql
            .MigrationsHistoryTable("__ef_migrations_history", schema)
            .EnableRetryOnFailure(maxRetryCount: 3, maxRetryDelay: TimeSpan.FromSeconds(1), errorCodesToAdd: null));
}
