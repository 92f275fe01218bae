using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Sourcing.Data;

namespace Sourcing.Analysis.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without a running service or database.</summary>
internal sealed class AnalysisDbContextFactory : IDesignTimeDbContextFactory<AnalysisDbContext>
{
    public AnalysisDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AnalysisDbContext>();
        SourcingDatabase.Configure(options, "Host=localhost;Database=sourcing", AnalysisDbContext.Schema);
        return new AnalysisDbContext(options.Options);
    }
}
