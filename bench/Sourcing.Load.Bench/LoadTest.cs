using System.Diagnostics;
using Grpc.AspNetCore.Server;
using Microsoft.Extensions.DependencyInjection;
using Sourcing.Analysis;
using Sourcing.Contracts.V1;
using Sourcing.Ingest;
using Sourcing.LocalPostgres;
using Sourcing.Query;
using Sourcing.Testing;

namespace Sourcing.Load.Bench;

/// <summary>
/// Ingest and query under load on loopback: streaming ingest clients and querying clients for a fixed period
/// against real hosts on a local PostgreSQL; then, once the outbox drains, proof that every acknowledged article
/// is stored exactly once and analyzed exactly once.
/// </summary>
public static class LoadTest
{
    public static async Task<int> RunAsync(LoadSettings settings)
    {
        Console.WriteLine($"{settings.IngestClients} ingest streams, {settings.QueryClients} query clients, {settings.Duration.TotalSeconds:0} s, " +
                          $"at most {settings.MaxArticles} articles, fsync {(settings.Fsync ? "on" : "off")}, {Environment.ProcessorCount} cores");
        await using var server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions
        {
            Fsync = settings.Fsync,
            Settings = new Dictionary<string, string> { ["max_connections"] = "300" },
        });
        var connection = await server.CreateDatabaseAsync("load");
        await SourcingSchemas.MigrateAllAsync(connection);
        var counter = new AnalyzeCallCounter();
        var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, connection, configure: builder =>
        {
            builder.Services.AddSingleton(counter);
            builder.Services.Configure<GrpcServiceOptions>(o => o.Interceptors.Add<AnalyzeCallCounter>());
        });
        var ingest = await ServiceHost.StartAsync(IngestApp.Build, connection, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = analysis.GrpcAddress.ToString(),
            ["Outbox:AnalyzeBatchSize"] = "64",
            ["Outbox:MaxConcurrency"] = "8",
            ["Outbox:PollInterval"] = "00:00:00.100",
        });
        var query = await ServiceHost.StartAsync(QueryApp.Build, connection);

        var operations = new Operations();
        var ingestClients = new IngestClients(new IngestService.IngestServiceClient(ingest.Channel), operations, settings);
        var queryClients = new QueryClients(new QueryService.QueryServiceClient(query.Channel), ingestClients, operations, settings);
        using var stop = new CancellationTokenSource(settings.Duration);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(ingestClients.RunAsync(stop.Token), queryClients.RunAsync(stop.Token));
        var period = clock.Elapsed;
        operations.Report(period);

        var ids = ingestClients.Created.ToArray();
        var drain = Stopwatch.StartNew();
        Console.WriteLine($"acknowledged: {ids.Length} created, {ingestClients.Duplicates} duplicates");
        var analyzedAtEnd = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.articles WHERE state = 4");
        try
        {
            await Eventually.Until(() => Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.outbox"), n => n == 0, settings.DrainTimeout, "an empty outbox");
            Console.WriteLine($"outbox drained {drain.Elapsed.TotalSeconds:F1} s after the period ({analyzedAtEnd} analyzed by its end)");
            Console.WriteLine($"analysis:     {(ids.Length - analyzedAtEnd) / drain.Elapsed.TotalSeconds:F1} articles/s while draining; " +
                              $"{ids.Length / clock.Elapsed.TotalSeconds:F1} articles/s ingested and analyzed end to end");
        }
        catch (TimeoutException e)
        {
            Console.WriteLine($"NOT DRAINED: {e.Message}");
        }

        var proofs = await ExactlyOnce.CheckAsync(connection, ids, counter);
        var logged = new List<string>();
        foreach (var host in new[] { query, ingest, analysis })
        {
            logged.AddRange(host.LoggedErrors);
            host.ExpectErrors(_ => true);
            await host.DisposeAsync();
        }
        Console.WriteLine($"errors logged by the services: {logged.Count}");
        foreach (var line in logged.Take(10))
        {
            Console.WriteLine("  " + line);
        }
        return proofs && operations.ErrorCount == 0 && logged.Count == 0 ? 0 : 1;
    }
}
