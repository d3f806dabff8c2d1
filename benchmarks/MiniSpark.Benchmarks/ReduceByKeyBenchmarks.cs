using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>Sum per int key: 10M (int, long) pairs over 100K keys, beside LINQ and PLINQ GroupBy.</summary>
[MemoryDiagnoser]
public class ReduceByKeyBenchmarks
{
    private (int Key, long Value)[] _pairs = [];
    private SparkContext _one = null!;
    private SparkContext _all = null!;
    private Rdd<(int Key, long Value)> _rddOne = null!;
    private Rdd<(int Key, long Value)> _rddAll = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _pairs = [.. Enumerable.Range(0, 10_000_000).Select(i => (random.Next(100_000), (long)i))];
        _one = new SparkContext("local[1]", "reduce-int-benchmark");
        _all = new SparkContext("local[*]", "reduce-int-benchmark");
        _rddOne = _one.Parallelize(_pairs, 4);
        _rddAll = _all.Parallelize(_pairs, Math.Max(4, _all.DefaultParallelism * 2));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _one.Stop();
        _all.Stop();
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy + Sum")]
    public int Linq() => _pairs.GroupBy(p => p.Key).Select(g => (g.Key, g.Sum(p => p.Value))).ToArray().Length;

    [Benchmark(Description = "PLINQ GroupBy + Sum")]
    public int Plinq() => _pairs.AsParallel().GroupBy(p => p.Key).Select(g => (g.Key, g.Sum(p => p.Value))).ToArray().Length;

    [Benchmark(Description = "MiniSpark ReduceByKey, 1 slot")]
    public int MiniSparkOneSlot() => _rddOne.ReduceByKey((a, b) => a + b).Collect().Length;

    [Benchmark(Description = "MiniSpark ReduceByKey, all slots")]
    public int MiniSparkAllSlots() => _rddAll.ReduceByKey((a, b) => a + b).Collect().Length;
}
