using System.Text;
using BenchmarkDotNet.Attributes;

namespace Sourcing.Attribution.Bench;

/// <summary>The engine over the whole synthetic corpus, and a plain scan of the same characters.</summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    public const int Articles = 1_000;

    private IReadOnlyList<string> _corpus = [];

    public static long Utf8Bytes(IReadOnlyList<string> corpus) => corpus.Sum(t => (long)Encoding.UTF8.GetByteCount(t));

    [GlobalSetup]
    public void Setup()
    {
        _corpus = CorpusGenerator.Generate(Articles, seed: 20210407);
        AttributionEngine.Default.Analyze("Warm-up: the word lists load once, officials said.");
    }

    [Benchmark(Description = "Analyze corpus")]
    public int Analyze()
    {
        var count = 0;
        foreach (var text in _corpus)
        {
            count += AttributionEngine.Default.Analyze(text).Count;
        }
        return count;
    }

    /// <summary>Reads every character once and classifies it: the floor any analysis pays.</summary>
    [Benchmark(Baseline = true, Description = "Plain scan")]
    public int PlainScan()
    {
        var count = 0;
        foreach (var text in _corpus)
        {
            foreach (var c in text)
            {
                if (c is '"' or '\u201C' or '\u201D' || char.IsUpper(c))
                {
                    count++;
                }
            }
        }
        return count;
    }
}
