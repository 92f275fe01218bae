using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Analysis.Data;

internal sealed class StoredAttributionConfiguration : IEntityTypeConfiguration<StoredAttribution>
{
    public void Configure(EntityTypeBuilder<StoredAttribution> attribution)
    {
        attribution.ToTable("attributions");
        attribution.HasKey(a => a.Id);
        attribution.Property(a => a.Id).ValueGeneratedNever();
        attribution.HasIndex(a => new { a.ArticleId, a.Ordinal }).IsUnique();
        attribution.HasIndex(a => a.Speaker);
        attribution.HasIndex(a => a.Sourcing);
        attribution.HasOne<ArticleAnalysis>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
