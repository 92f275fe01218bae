using Microsoft.EntityFrameworkCore;
using Sourcing.Data;

namespace Sourcing.Query.Data;

/// <summary>
/// The query service's schema (<c>query</c>, for its own read models) plus read-only views of the
/// tables ingest and analysis own, which its migrations never touch.
/// </summary>
public sealed class QueryDbContext(DbContextOptions<QueryDbContext> options) : DbContext(options)
{
    public const string Schema = "query";

    public DbSet<ArticleView> Articles => Set<ArticleView>();

    public DbSet<AnalysisView> Analyses => Set<AnalysisView>();

    public DbSet<AttributionView> Attributions => Set<AttributionView>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<ArticleView>(a =>
        {
            a.ToTable("articles", "ingest", t => t.ExcludeFromMigrations());
            a.HasKey(x => x.Id);
        });
        modelBuilder.Entity<AnalysisView>(a =>
        {
            a.ToTable("article_analyses", "analysis", t => t.ExcludeFromMigrations());
            a.HasKey(x => x.ArticleId);
        });
        modelBuilder.Entity<AttributionView>(a =>
        {
            a.ToTable("attributions", "analysis", t => t.ExcludeFromMigrations());
            a.HasKey(x => x.Id);
        });
        SnakeCaseNaming.Apply(modelBuilder);
    }
}
