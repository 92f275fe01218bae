using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Sourcing.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a service's model without a running service or
/// database; each service derives one for its DbContext.
/// </summary>
public abstract class SourcingDbContextFactory<TContext>(string schema, Func<DbContextOptions<TContext>, TContext> create)
    : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        SourcingDatabase.Configure(options, "Host=localhost;Database=sourcing", schema);
        return create(options.Options);
    }
}
