using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Ingest.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> outbox)
    {
        outbox.ToTable("outbox");
        outbox.HasKey(o => o.Id);
        outbox.Property(o => o.Id).UseIdentityAlwaysColumn();
        outbox.HasIndex(o => o.AvailableAt);
        outbox.HasIndex(o => o.ArticleId);
        outbox.HasOne<Article>().WithMany().HasForeignKey(o => o.ArticleId).OnDelete(DeleteBehavior.Cascade);
    }
}
