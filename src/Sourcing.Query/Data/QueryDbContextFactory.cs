using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sourcing.Data;

namespace Sourcing.Query.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service or database.</summary>
internal sealed class QueryDbContextFactory : IDesignTimeDbContextFactory<QueryDbContext>
{
    public QueryDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<QueryDbContext>();
        SourcingDatabase.Configure(options, "Host=localhost;Database=sourcing", QueryDbContext.Schema);
        return new QueryDbContext(options.Options);
    }
}
