using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sourcing.Data;

namespace Sourcing.Ingest.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service or database.</summary>
internal sealed class IngestDbContextFactory : IDesignTimeDbContextFactory<IngestDbContext>
{
    public IngestDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IngestDbContext>();
        SourcingDatabase.Configure(options, "Host=localhost;Database=sourcing", IngestDbContext.Schema);
        return new IngestDbContext(options.Options);
    }
}
