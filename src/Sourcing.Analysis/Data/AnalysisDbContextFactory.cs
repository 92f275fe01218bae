using Sourcing.Data;

namespace Sourcing.Analysis.Data;

internal sealed class AnalysisDbContextFactory()
    : SourcingDbContextFactory<AnalysisDbContext>(AnalysisDbContext.Schema, options => new AnalysisDbContext(options));
