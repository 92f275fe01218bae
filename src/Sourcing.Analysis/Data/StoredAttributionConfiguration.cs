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
        attribution.HasIndex(a => a.SpeakerId);
        attribution.HasIndex(a => a.AnonymousSourceId);
        attribution.HasOne<AnalysisRun>().WithMany().HasForeignKey(a => a.AnalysisId).OnDelete(DeleteBehavior.Cascade);
        attribution.HasOne<Speaker>().WithMany().HasForeignKey(a => a.SpeakerId).OnDelete(DeleteBehavior.Restrict);
        attribution.HasOne<AnonymousSource>().WithMany().HasForeignKey(a => a.AnonymousSourceId).OnDelete(DeleteBehavior.Cascade);
        attribution.HasOne<ArticleAnalysis>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
