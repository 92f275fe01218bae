using Microsoft.EntityFrameworkCore;
using Sourcing.Data;

namespace Sourcing.Ingest.Data;

/// <summary>The ingest service's schema: articles and the outbox.</summary>
public sealed class IngestDbContext(DbContextOptions<IngestDbContext> options) : DbContext(options)
{
    public const string Schema = "ingest";

    public DbSet<Article> Articles => Set<Article>();

    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    public DbSet<ArticleShingle> Shingles => Set<ArticleShingle>();

    public DbSet<TextReuseLink> TextReuseLinks => Set<TextReuseLink>();

    public DbSet<IngestRequest> Requests => Set<IngestRequest>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IngestDbContext).Assembly);
        SnakeCaseNaming.Apply(modelBuilder);
    }
}
