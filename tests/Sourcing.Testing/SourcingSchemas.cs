using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Ingest;
using Sourcing.Ingest.Data;
using Sourcing.Query;
using Sourcing.Query.Data;

namespace Sourcing.Testing;

/// <summary>The three services' schemas on one database.</summary>
public static class SourcingSchemas
{
    /// <summary>
    /// Migrates them in the order deployments must: ingest, analysis, then query, whose triggers and read models are
    /// built on the other two schemas' tables.
    /// </summary>
    public static async Task MigrateAllAsync(string connectionString)
    {
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, connectionString);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, connectionString);
        await ServiceHost.MigrateAsync<QueryDbContext>(QueryApp.Build, connectionString);
    }
}
