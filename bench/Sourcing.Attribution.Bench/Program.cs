using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Sourcing.Attribution.Bench;

// "analyze IN.jsonl OUT.jsonl": the engine's output for every {"id","text"} line, for scoring
// with ../shared/tools/score.py while working on the engine (no benchmark run).
if (args.Length == 3 && args[0] == "analyze")
{
    using var writer = new StreamWriter(args[2]);
    foreach (var line in File.ReadLines(args[1]).Where(l => l.Trim().Length > 0))
    {
        using var json = System.Text.Json.JsonDocument.Parse(line);
        var id = json.RootElement.GetProperty("id").GetString()!;
        var text = json.RootElement.GetProperty("text").GetString()!;
        writer.WriteLine(Sourcing.Attribution.AnnotationJsonl.ToLine(id, text, Sourcing.Attribution.AttributionEngine.Default.Analyze(text)));
    }
    return;
}

// Short job: one process, a few iterations; a run takes about a minute.
var config = DefaultConfig.Instance
    .AddJob(Job.Default.WithStrategy(RunStrategy.Throughput).WithLaunchCount(1).WithWarmupCount(2).WithIterationCount(6))
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
var summary = BenchmarkRunner.Run<EngineBenchmarks>(config, args);

var corpus = CorpusGenerator.Generate(EngineBenchmarks.Articles, seed: 20210407);
var megabytes = EngineBenchmarks.Utf8Bytes(corpus) / 1_000_000.0;
double? scanSeconds = null;
Console.WriteLine();
Console.WriteLine($"Corpus: {corpus.Count} articles, {megabytes:0.00} MB (UTF-8), single thread = one core");
foreach (var report in summary.Reports.Where(r => r.ResultStatistics is not null).OrderBy(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == "PlainScan" ? 0 : 1))
{
    var seconds = report.ResultStatistics!.Mean / 1e9;
    var name = report.BenchmarkCase.Descriptor.WorkloadMethod.Name;
    scanSeconds ??= name == "PlainScan" ? seconds : null;
    var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0;
    var ratio = scanSeconds is { } s ? $", {seconds / s:0.0}x the plain scan's time" : "";
    Console.WriteLine($"{name,-10} {megabytes / seconds,10:0.0} MB/s per core{ratio}, {allocated / (double)corpus.Count / 1024:0.0} KB allocated per article");
}
