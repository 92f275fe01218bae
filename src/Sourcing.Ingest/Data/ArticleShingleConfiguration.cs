using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Ingest.Data;

internal sealed class ArticleShingleConfiguration : IEntityTypeConfiguration<ArticleShingle>
{
    public void Configure(EntityTypeBuilder<ArticleShingle> shingle)
    {
        shingle.ToTable("article_shingles");
        shingle.HasKey(s => new { s.Hash, s.ArticleId });
        shingle.HasIndex(s => s.ArticleId);
        shingle.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
