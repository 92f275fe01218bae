using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Sourcing.Ingest.Data;

internal sealed class IngestRequestConfiguration : IEntityTypeConfiguration<IngestRequest>
{
    public void Configure(EntityTypeBuilder<IngestRequest> request)
    {
        request.ToTable("ingest_requests");
        request.HasKey(r => r.RequestId);
        request.Property(r => r.RequestHash).HasMaxLength(64);
        request.HasIndex(r => r.CreatedAt);
    }
}
