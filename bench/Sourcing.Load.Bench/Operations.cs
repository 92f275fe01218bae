using System.Collections.Concurrent;
using Grpc.Core;

namespace Sourcing.Load.Bench;

/// <summary>Latencies and errors per operation, recorded by many clients at once.</summary>
public sealed class Operations
{
    private readonly ConcurrentDictionary<string, ConcurrentBag<double>> _latencies = new();
    private readonly ConcurrentDictionary<(string Operation, StatusCode Status), int> _errors = new();

    public void Succeeded(string operation, TimeSpan latency) =>
        _latencies.GetOrAdd(operation, _ => []).Add(latency.TotalMilliseconds);

    public void Failed(string operation, StatusCode status) =>
        _errors.AddOrUpdate((operation, status), 1, (_, n) => n + 1);

    public int ErrorCount => _errors.Values.Sum();

    public void Report(TimeSpan period)
    {
        Console.WriteLine($"{"operation",-16} {"ok",8} {"per s",8} {"p50 ms",8} {"p99 ms",8} {"max ms",8} {"errors",7}");
        foreach (var operation in _latencies.Keys.Concat(_errors.Keys.Select(k => k.Operation)).Distinct().Order())
        {
            var sorted = _latencies.GetValueOrDefault(operation)?.Order().ToArray() ?? [];
            var errors = _errors.Where(e => e.Key.Operation == operation).Sum(e => e.Value);
            Console.WriteLine($"{operation,-16} {sorted.Length,8} {sorted.Length / period.TotalSeconds,8:F0} {Percentile(sorted, 0.50),8:F1} " +
                              $"{Percentile(sorted, 0.99),8:F1} {(sorted.Length > 0 ? sorted[^1] : 0),8:F1} {errors,7}");
        }
        foreach (var ((operation, status), count) in _errors.OrderBy(e => e.Key.Operation))
        {
            Console.WriteLine($"  {operation}: {count} x {status}");
        }
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
