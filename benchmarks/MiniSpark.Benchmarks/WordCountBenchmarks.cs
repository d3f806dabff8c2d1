using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>Word count over 1M in-memory lines (~7.5M words): the same user code (<c>Split(' ')</c>, a tuple per word)
/// on every side; MiniSpark at one slot and at all slots.</summary>
[MemoryDiagnoser]
public class WordCountBenchmarks
{
    private string[] _lines = [];
    private SparkContext _one = null!;
    private SparkContext _all = null!;
    private Rdd<string> _rddOne = null!;
    private Rdd<string> _rddAll = null!;

    [GlobalSetup]
    public void Setup()
    {
        _lines = Corpus.Lines(1_000_000);
        (_one, _rddOne) = Source("local[1]");
        (_all, _rddAll) = Source("local[*]");
    }

    private (SparkContext, Rdd<string>) Source(string master)
    {
        var sc = new SparkContext(master, "word-count-benchmark");
        return (sc, sc.Parallelize(_lines, Math.Max(4, sc.DefaultParallelism * 2)));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _one.Stop();
        _all.Stop();
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy")]
    public int LinqGroupBy() =>
        _lines.SelectMany(l => l.Split(' ')).Select(w => (w, 1)).GroupBy(p => p.w)
            .Select(g => (g.Key, g.Sum(p => p.Item2))).ToArray().Length;

    [Benchmark(Description = "PLINQ GroupBy")]
    public int PlinqGroupBy() =>
        _lines.AsParallel().SelectMany(l => l.Split(' ')).Select(w => (w, 1)).GroupBy(p => p.w)
            .Select(g => (g.Key, g.Sum(p => p.Item2))).ToArray().Length;

    [Benchmark(Description = "PLINQ expert (per-thread dictionaries)")]
    public int PlinqExpert() => Expert(_lines);

    internal static int Expert(string[] lines) =>
        lines.AsParallel().Aggregate(
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

    [Benchmark(Description = "MiniSpark ReduceByKey, 1 slot")]
    public int MiniSparkOneSlot() => Count(_rddOne);

    [Benchmark(Description = "MiniSpark ReduceByKey, all slots")]
    public int MiniSparkAllSlots() => Count(_rddAll);

    internal static int Count(Rdd<string> lines) =>
        lines.FlatMap(l => l.Split(' ')).Map(w => (w, 1)).ReduceByKey((a, b) => a + b).Collect().Length;
}
