using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Ingest.Data;

internal sealed class TextReuseLinkConfiguration : IEntityTypeConfiguration<TextReuseLink>
{
    public void Configure(EntityTypeBuilder<TextReuseLink> link)
    {
        link.ToTable("text_reuse_pairs");
        link.HasKey(l => new { l.ArticleId, l.OtherArticleId });
        link.HasOne<Article>().WithMany().HasForeignKey(l => l.ArticleId).OnDelete(DeleteBehavior.Cascade);
        link.HasOne<Article>().WithMany().HasForeignKey(l => l.OtherArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
