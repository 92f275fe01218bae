using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Analysis.Data;

internal sealed class ArticleAnalysisConfiguration : IEntityTypeConfiguration<ArticleAnalysis>
{
    public void Configure(EntityTypeBuilder<ArticleAnalysis> analysis)
    {
        analysis.ToTable("article_analyses");
        analysis.HasKey(a => a.ArticleId);
        analysis.Property(a => a.ArticleId).ValueGeneratedNever();
        analysis.HasIndex(a => a.AnalyzedAt);
    }
}
