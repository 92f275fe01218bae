using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Ingest.Data;

internal sealed class ArticleConfiguration : IEntityTypeConfiguration<Article>
{
    public void Configure(EntityTypeBuilder<Article> article)
    {
        article.ToTable("articles");
        article.HasKey(a => a.Id);
        article.Property(a => a.Id).ValueGeneratedNever();
        article.Property(a => a.Fingerprint).HasMaxLength(64);
        article.HasIndex(a => a.Fingerprint).IsUnique();
        article.HasIndex(a => a.ExternalId).IsUnique().HasFilter("external_id IS NOT NULL");
        article.HasIndex(a => a.Url).IsUnique().HasFilter("url IS NOT NULL");
        article.HasIndex(a => new { a.Outlet, a.PublishedAt });
    }
}
