using Microsoft.EntityFrameworkCore;
using Sourcing.Data;

namespace Sourcing.Analysis.Data;

/// <summary>The analysis service's schema: per-article analyses and their attributions.</summary>
public sealed class AnalysisDbContext(DbContextOptions<AnalysisDbContext> options) : DbContext(options)
{
    public const string Schema = "analysis";

    public DbSet<ArticleAnalysis> Analyses => Set<ArticleAnalysis>();

    public DbSet<StoredAttribution> Attributions => Set<StoredAttribution>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AnalysisDbContext).Assembly);
        SnakeCaseNaming.Apply(modelBuilder);
    }
}
