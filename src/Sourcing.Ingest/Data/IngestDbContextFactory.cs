using Sourcing.Data;

namespace Sourcing.Ingest.Data;

internal sealed class IngestDbContextFactory()
    : SourcingDbContextFactory<IngestDbContext>(IngestDbContext.Schema, options => new IngestDbContext(options));
