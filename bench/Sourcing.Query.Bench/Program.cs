using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Contracts.V1;
using Sourcing.Data;
using Sourcing.Ingest;
using Sourcing.Ingest.Data;
using Sourcing.LocalPostgres;
using Sourcing.Query;
using Sourcing.Query.Bench;
using Sourcing.Query.Data;
using Sourcing.Testing;

// Usage: dotnet run -c Release --project bench/Sourcing.Query.Bench -- [--articles N] [--seconds S] [--clients C]
var articles = Option("--articles", 1_000_000);
var seconds = Option("--seconds", 15);
var clients = Option("--clients", 8);

Console.WriteLine($"Query benchmark: {articles:N0} articles x {Corpus.AttributionsPerArticle} attributions, {clients} clients, {seconds} s per operation");
await using var server = await LocalPostgresServer.StartAsync(new LocalPostgresOptions
{
    Fsync = false,
    StartTimeout = TimeSpan.FromMinutes(2),
    Settings = new Dictionary<string, string>
    {
        ["shared_buffers"] = "1GB", ["work_mem"] = "16MB", ["maintenance_work_mem"] = "512MB",
        ["max_wal_size"] = "8GB", ["checkpoint_timeout"] = "30min",
        // Many small concurrent queries: parallel workers only add start-up cost and contention on 2 cores.
        ["max_parallel_workers_per_gather"] = "0",
    },
});
var connectionString = await server.CreateDatabaseAsync("query_bench");
var clock = Stopwatch.StartNew();
await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, connectionString);
await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, connectionString);
var ids = await Loader.LoadAsync(connectionString, articles);
Console.WriteLine($"Loaded with COPY in {clock.Elapsed.TotalSeconds:F0} s");
clock.Restart();
// Query's migration builds its read models from what is stored (the bulk load ran before its triggers existed).
var longCommands = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 3600 }.ConnectionString;
await using (var migrate = QueryApp.Build([MigrateCommand.Argument], b => b.Configuration.AddInMemoryCollection(
    new Dictionary<string, string?> { ["ConnectionStrings:sourcing"] = longCommands, ["Logging:LogLevel:Default"] = "Warning" })))
{
    if (await MigrateCommand.RunAsync<QueryDbContext>(migrate) != 0)
    {
        return 1;
    }
}
await Execute(connectionString, "VACUUM ANALYZE");
Console.WriteLine($"Query migration (read models, indexes) and VACUUM ANALYZE in {clock.Elapsed.TotalSeconds:F0} s");

await using var query = await ServiceHost.StartAsync(QueryApp.Build, connectionString);
var client = new QueryService.QueryServiceClient(query.Channel);
var windowStart = Corpus.Start.AddDays(600);
var operations = new (string Name, Func<Random, Task> Call)[]
{
    ("GetArticle", r => client.GetArticleAsync(new GetArticleRequest { ArticleId = ids[r.Next(ids.Length)].ToString() }, deadline: Deadline()).ResponseAsync),
    ("ListArticles (outlet, 90 days, has anonymous, 50)", r => client.ListArticlesAsync(new ListArticlesRequest
    {
        PageSize = 50,
        Filter = new ArticleFilter
        {
            Outlets = { Corpus.Outlet(r.Next(Corpus.OutletCount)) }, HasAnonymous = true,
            StartTime = Timestamp.FromDateTime(windowStart), EndTime = Timestamp.FromDateTime(windowStart.AddDays(90)),
        },
    }, deadline: Deadline()).ResponseAsync),
    ("ListArticles full-text search (50)", r => client.ListArticlesAsync(new ListArticlesRequest
    {
        PageSize = 50, Filter = new ArticleFilter { Query = Corpus.Term(1000 + r.Next(4000)) },
    }, deadline: Deadline()).ResponseAsync),
    ("GetSourcingSummary (one outlet, 30 days)", r => client.GetSourcingSummaryAsync(new GetSourcingSummaryRequest
    {
        GroupBy = SummaryGrouping.Outlet,
        Filter = new ArticleFilter
        {
            Outlets = { Corpus.Outlet(r.Next(Corpus.OutletCount)) },
            StartTime = Timestamp.FromDateTime(windowStart), EndTime = Timestamp.FromDateTime(windowStart.AddDays(30)),
        },
    }, deadline: Deadline()).ResponseAsync),
    ("GetSourcingSummary (all outlets, all time)", r => client.GetSourcingSummaryAsync(new GetSourcingSummaryRequest
    {
        GroupBy = SummaryGrouping.Outlet,
    }, deadline: Deadline()).ResponseAsync),
};

Console.WriteLine();
Console.WriteLine($"| operation | calls | p50 ms | p99 ms | max ms |");
Console.WriteLine($"|---|---|---|---|---|");
foreach (var (name, call) in operations)
{
    await RunAsync(call, clients, TimeSpan.FromSeconds(3)); // warm-up
    var latencies = await RunAsync(call, clients, TimeSpan.FromSeconds(seconds));
    latencies.Sort();
    Console.WriteLine($"| {name} | {latencies.Count:N0} | {Percentile(latencies, 0.50):F2} | {Percentile(latencies, 0.99):F2} | {latencies[^1]:F2} |");
}

Console.WriteLine();
foreach (var (name, sql) in Plans.Queries(ids[ids.Length / 2], windowStart))
{
    Console.WriteLine($"### {name}");
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
    await using var reader = await command.ExecuteReaderAsync();
    while (await reader.ReadAsync())
    {
        Console.WriteLine("    " + reader.GetString(0));
    }
    Console.WriteLine();
}
return 0;

static async Task<List<double>> RunAsync(Func<Random, Task> call, int clients, TimeSpan duration)
{
    var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
    {
        var random = new Random(c);
        var latencies = new List<double>();
        while (Stopwatch.GetTimestamp() < end)
        {
            var start = Stopwatch.GetTimestamp();
            await call(random);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return latencies;
    })));
    return [.. results.SelectMany(x => x)];
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

static DateTime Deadline() => DateTime.UtcNow.AddSeconds(30);

static async Task Execute(string connectionString, string sql)
{
    await using var connection = new NpgsqlConnection(connectionString);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 3600 };
    await command.ExecuteNonQueryAsync();
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}
