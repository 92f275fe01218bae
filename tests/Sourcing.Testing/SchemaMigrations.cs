using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sourcing.Data;

namespace Sourcing.Testing;

/// <summary>Moves one service's schema to a given migration, up or down: for tests of what a migration does to stored rows.</summary>
public sealed class SchemaMigrations<TContext> : IAsyncDisposable where TContext : DbContext
{
    private readonly TContext _db;

    public SchemaMigrations(string connectionString, string schema, Func<DbContextOptions<TContext>, TContext> create)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        SourcingDatabase.Configure(options, connectionString, schema);
        _db = create(options.Options);
    }

    /// <summary>Migrates up or down to <paramref name="migration"/>, or up to the latest when null.</summary>
    public Task ToAsync(string? migration = null) => _db.GetService<IMigrator>().MigrateAsync(migration);

    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
