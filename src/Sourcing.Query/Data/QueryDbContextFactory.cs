using Sourcing.Data;

namespace Sourcing.Query.Data;

internal sealed class QueryDbContextFactory()
    : SourcingDbContextFactory<QueryDbContext>(QueryDbContext.Schema, options => new QueryDbContext(options));
