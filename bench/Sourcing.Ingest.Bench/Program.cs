using Sourcing.Ingest.Bench;

return await EndToEndBenchmark.RunAsync(BenchmarkSettings.Parse(args));
