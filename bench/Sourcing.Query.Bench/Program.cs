using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Query;
using Sourcing.Query.Bench;
using Sourcing.Testing;

// Usage: dotnet run -c Release --project bench/Sourcing.Query.Bench -- [--articles N] [--seconds S] [--warmup S] [--clients C]
//   [--data-dir DIR (keep the server and its corpus for the next run)] [--only TEXT (operations and plans whose name contains it)]
var articles = Option("--articles", 1_000_000);
var seconds = Option("--seconds", 15);
var clients = Option("--clients", 8);
// Tiered JIT goes on compiling for several seconds after an operation starts (10% of the machine's CPU 5 s into the measurement after a
// 3 s warm-up): the warm-up runs until the service's code is what a long-running service would run.
var warmup = Option("--warmup", 15);
var dataDirectory = TextOption("--data-dir");
var only = TextOption("--only");

Console.WriteLine($"Query benchmark: {articles:N0} articles x {Corpus.AttributionsPerArticle} attributions, {clients} clients, {seconds} s per operation after {warmup} s of warm-up");
Console.WriteLine("PostgreSQL settings: " + string.Join(", ", BenchDatabase.Settings.Select(s => $"{s.Key}={s.Value}")));
var plans = new Plans();
await using var server = await BenchDatabase.StartAsync(dataDirectory, plans);
var connectionString = await server.CreateDatabaseAsync("query_bench");
var ids = await BenchDatabase.PrepareAsync(connectionString, articles);

// The service connects as it does in production: the read-only role its migration creates.
await using var query = await ServiceHost.StartAsync(QueryApp.Build, connectionString, new Dictionary<string, string?>
{
    ["ConnectionStrings:sourcing_readonly"] = new NpgsqlConnectionStringBuilder(connectionString) { Username = "sourcing_reader" }.ConnectionString,
    ["Query:PageTokenKey"] = "query-benchmark-page-token-key",
});
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
    ("ListArticles full-text search, common word (50)", r => client.ListArticlesAsync(new ListArticlesRequest
    {
        PageSize = 50, Filter = new ArticleFilter { Query = Corpus.CommonWord(r.Next(Corpus.CommonWordCount)) },
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
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, load average {LoadAverage()} before the measurements");
Console.WriteLine($"| operation | calls | calls/s | p50 ms | p99 ms | max ms |");
Console.WriteLine($"|---|---|---|---|---|---|");
var selected = operations.Where(o => only is null || o.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToList();
foreach (var (name, call) in selected)
{
    await RunAsync(call, clients, TimeSpan.FromSeconds(warmup));
    var latencies = await RunAsync(call, clients, TimeSpan.FromSeconds(seconds));
    latencies.Sort();
    Console.WriteLine($"| {name} | {latencies.Count:N0} | {latencies.Count / (double)seconds:F0} | {Percentile(latencies, 0.50):F2} | {Percentile(latencies, 0.99):F2} | {latencies[^1]:F2} |");
}

Console.WriteLine($"Load average {LoadAverage()} after the measurements (other work on the machine counts in it)");
Console.WriteLine();
foreach (var (name, call) in selected)
{
    Console.WriteLine($"### {name}");
    foreach (var line in await plans.CaptureAsync(connectionString, () => call(new Random(1))))
    {
        Console.WriteLine("    " + line);
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

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
}

string? TextOption(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
