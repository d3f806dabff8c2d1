using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>Word count over 1M in-memory lines: the same user code (<c>Split(' ')</c>, a tuple per word) on every side.</summary>
[MemoryDiagnoser]
public class WordCountBenchmarks
{
    private string[] _lines = [];
    private SparkContext _sc = null!;
    private Rdd<string> _rdd = null!;

    [Params(1_000_000)]
    public int LineCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _lines = Corpus.Lines(LineCount);
        _sc = new SparkContext("local[*]", "word-count-benchmark");
        _rdd = _sc.Parallelize(_lines, _sc.DefaultParallelism * 2);
    }

    [GlobalCleanup]
    public void Cleanup() => _sc.Stop();

    [Benchmark(Baseline = true, Description = "LINQ GroupBy")]
    public int LinqGroupBy() =>
        _lines.SelectMany(l => l.Split(' ')).Select(w => (w, 1)).GroupBy(p => p.w)
            .Select(g => (g.Key, g.Sum(p => p.Item2))).ToArray().Length;

    [Benchmark(Description = "PLINQ GroupBy")]
    public int PlinqGroupBy() =>
        _lines.AsParallel().SelectMany(l => l.Split(' ')).Select(w => (w, 1)).GroupBy(p => p.w)
            .Select(g => (g.Key, g.Sum(p => p.Item2))).ToArray().Length;

    [Benchmark(Description = "PLINQ expert (per-thread dictionaries)")]
    public int PlinqExpert() =>
        _lines.AsParallel().Aggregate(
            () => new Dictionary<string, int>(),
            (counts, line) =>
            {
                foreach ((string w, int one) in line.Split(' ').Select(w => (w, 1)))
                    counts[w] = counts.GetValueOrDefault(w) + one;
                return counts;
            },
            (left, right) =>
            {
                foreach (KeyValuePair<string, int> pair in right) left[pair.Key] = left.GetValueOrDefault(pair.Key) + pair.Value;
                return left;
            },
            counts => counts.ToArray()).Length;

    [Benchmark(Description = "MiniSpark ReduceByKey")]
    public int MiniSpark() =>
        _rdd.FlatMap(l => l.Split(' ')).Map(w => (w, 1)).ReduceByKey((a, b) => a + b).Collect().Length;
}
