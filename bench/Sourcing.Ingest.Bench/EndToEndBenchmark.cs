using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sourcing.Analysis;
using Sourcing.Contracts.V1;
using Sourcing.LocalPostgres;
using Sourcing.Testing;

namespace Sourcing.Ingest.Bench;

/// <summary>
/// Articles per second through the whole write path on this machine: bulk IngestArticles
/// streams into ingest, the outbox dispatcher, analysis and PostgreSQL, all on this machine's
/// cores; with PostgreSQL's commit, row and WAL rates over the same interval.
/// </summary>
public static class EndToEndBenchmark
{
    private static readonly DateTime FirstDay = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task<int> RunAsync(BenchmarkSettings settings)
    {
        Console.WriteLine($"{settings.Articles} generated articles, {settings.Streams} concurrent IngestArticles streams, " +
                          $"fsync {(settings.Fsync ? "on" : "off")}, {Environment.ProcessorCount} cores{(settings.IngestOnly ? ", ingest only" : "")}");
        await using var server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions { Fsync = settings.Fsync });
        var connection = await server.CreateDatabaseAsync("bench");
        // Query's read models are kept by triggers in analysis's transactions: part of the write path.
        await SourcingSchemas.MigrateAllAsync(connection);
        await using var analysis = await ServiceHost.StartAsync(AnalysisApp.Build, connection);
        await using var ingest = await ServiceHost.StartAsync(IngestApp.Build, connection, new Dictionary<string, string?>
        {
            ["services:analysis:http:0"] = analysis.GrpcAddress.ToString(),
            ["Outbox:PollInterval"] = "00:00:00.050",
            ["Outbox:Enabled"] = settings.IngestOnly ? "false" : "true",
        });

        // Tiered JIT compilation, connection pools and EF's caches warm up on articles that are not measured: a
        // service runs for days. The year before the measured one takes most of them, so that the JIT reaches its
        // steady state (tier-1 code) without crowding the measured articles' story windows; the measured year holds
        // some, so that they meet stored articles, speakers and stories as a running service's would.
        var earlier = SyntheticArticles.Generate(Math.Clamp(settings.Articles, 300, 5000), seed: 9).ToList();
        var warmUp = SyntheticArticles.Generate(Math.Clamp(settings.Articles, 300, 3000), seed: 8).ToList();
        Console.WriteLine($"warming up on {warmUp.Count + earlier.Count} other articles (not measured): {earlier.Count} of the year before, {warmUp.Count} of the measured year");
        await IngestAllAsync(ingest, earlier, settings.Streams, FirstDay.AddYears(-1));
        await IngestAllAsync(ingest, warmUp, settings.Streams, FirstDay);
        if (!settings.IngestOnly)
        {
            await WaitForAnalysisAsync(connection, earlier.Count + warmUp.Count);
        }
        var articles = SyntheticArticles.Generate(settings.Articles, seed: 7).ToList();
        var megabytes = articles.Sum(a => a.Body.Length + a.Title.Length) * 2 / 1e6;
        var before = await DatabaseActivity.ReadAsync(connection);
        var cpuBefore = await CpuUsage.ReadAsync(connection);
        var (jittedBefore, jitTimeBefore) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
        var clock = Stopwatch.StartNew();
        var acknowledged = await IngestAllAsync(ingest, articles, settings.Streams, FirstDay);
        var ingestSeconds = clock.Elapsed.TotalSeconds;
        if (!settings.IngestOnly)
        {
            await WaitForAnalysisAsync(connection, earlier.Count + warmUp.Count + articles.Count);
        }
        var totalSeconds = clock.Elapsed.TotalSeconds;
        var activity = await DatabaseActivity.ReadAsync(connection) - before;
        var cpu = await CpuUsage.ReadAsync(connection) - cpuBefore;

        Console.WriteLine($"text ingested:                 {megabytes:F1} MB (UTF-16)");
        Console.WriteLine($"acknowledged by ingest:        {acknowledged} in {ingestSeconds:F1} s = {acknowledged / ingestSeconds:F0} articles/s");
        Console.WriteLine(settings.IngestOnly
            ? "ingested only:                 no dispatch, no analysis (--ingest-only); the figures below are ingest's"
            : $"ingested and analyzed:         {articles.Count} in {totalSeconds:F1} s = {articles.Count / totalSeconds:F0} articles/s end to end");
        Console.WriteLine($"per core:                      {articles.Count / totalSeconds / Environment.ProcessorCount:F0} articles/s{(settings.IngestOnly ? " ingested" : " end to end")}");
        Console.WriteLine($"CPU per article:               {cpu.Total.TotalMilliseconds / articles.Count:F2} ms " +
                          $"(services {cpu.Services.TotalMilliseconds / articles.Count:F2} ms, PostgreSQL {cpu.Postgres.TotalMilliseconds / articles.Count:F2} ms)");
        Console.WriteLine($"per CPU-second:                {articles.Count / cpu.Total.TotalSeconds:F0} articles " +
                          $"(services and PostgreSQL together: the most one otherwise idle core could do)");
        Console.WriteLine($"JIT while measuring:           {System.Runtime.JitInfo.GetCompiledMethodCount() - jittedBefore} methods, " +
                          $"{(System.Runtime.JitInfo.GetCompilationTime() - jitTimeBefore).TotalMilliseconds:F0} ms");
        if (!settings.IngestOnly)
        {
            var stories = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM analysis.stories");
            var largest = await Sql.ScalarAsync<int>(connection, "SELECT coalesce(max(article_count), 0) FROM analysis.stories");
            // Single-link stories of generated text grow large and merge often; each merge rewrites its articles' rows.
            Console.WriteLine($"stories formed:                {stories} (the largest has {largest} articles)");
        }
        Console.WriteLine($"PostgreSQL commits:            {activity.Commits / totalSeconds:F0}/s ({(double)activity.Commits / articles.Count:F1} per article)");
        Console.WriteLine($"PostgreSQL rows written:       {activity.RowsWritten / totalSeconds:F0}/s ({(double)activity.RowsWritten / articles.Count:F1} per article)");
        Console.WriteLine($"PostgreSQL WAL:                {activity.WalBytes / totalSeconds / 1e6:F1} MB/s ({activity.WalBytes / (double)articles.Count / 1024:F1} KiB per article)");
        return acknowledged == articles.Count ? 0 : 1;
    }

    private static async Task<int> IngestAllAsync(ServiceHost ingest, List<SyntheticArticles.Article> articles, int streams, DateTime firstDay)
    {
        var client = new IngestService.IngestServiceClient(ingest.Channel);
        var counts = await Task.WhenAll(Enumerable.Range(0, streams).Select(async s =>
        {
            using var call = client.IngestArticles();
            var reading = Task.Run(async () =>
            {
                var created = 0;
                await foreach (var response in call.ResponseStream.ReadAllAsync())
                {
                    created += response.Response?.Outcome == IngestOutcome.Created ? 1 : 0;
                }
                return created;
            });
            for (var i = s; i < articles.Count; i += streams)
            {
                var article = articles[i];
                await call.RequestStream.WriteAsync(new IngestArticlesRequest
                {
                    Article = new IngestArticleRequest
                    {
                        Title = article.Title, Body = article.Body, Outlet = article.Outlet, ContentType = ContentType.Text,
                        // A corpus spans time: spread over a year, as a feed of news would be.
                        PublishTime = Timestamp.FromDateTime(firstDay.AddMinutes(i * 525_600.0 / articles.Count)),
                    },
                });
            }
            await call.RequestStream.CompleteAsync();
            return await reading;
        }));
        return counts.Sum();
    }

    /// <summary>
    /// Waits until the outbox is empty (every acknowledged article dispatched and analyzed), then checks that
    /// <paramref name="count"/> articles are analyzed. The wait asks whether any outbox row is left, an index probe: a
    /// count over all articles ten times a second cost PostgreSQL a quarter of a millisecond per measured article.
    /// </summary>
    private static async Task WaitForAnalysisAsync(string connection, int count)
    {
        var lastReport = Stopwatch.StartNew();
        while (await Sql.ScalarAsync<bool>(connection, "SELECT EXISTS (SELECT 1 FROM ingest.outbox)"))
        {
            if (lastReport.Elapsed > TimeSpan.FromSeconds(5))
            {
                Console.Error.WriteLine($"  {await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.outbox")} articles left to analyze");
                lastReport.Restart();
            }
            await Task.Delay(100);
        }
        var analyzed = await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.articles WHERE state = 4");
        if (analyzed < count)
        {
            throw new InvalidOperationException($"The outbox is empty but {analyzed} of {count} articles are analyzed: see the services' log for parked articles.");
        }
    }
}
