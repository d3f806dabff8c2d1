using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>Join and sort over 5M pairs: MiniSpark beside LINQ and PLINQ (<c>Join</c>, <c>OrderBy</c>), same data.</summary>
[MemoryDiagnoser]
public class JoinSortBenchmarks
{
    private const int PairCount = 5_000_000;
    private const int DistinctKeys = 1_000_000;

    private (int Key, int Value)[] _left = [];
    private (int Key, int Value)[] _right = [];
    private SparkContext _sc = null!;
    private Rdd<(int Key, int Value)> _leftRdd = null!;
    private Rdd<(int Key, int Value)> _rightRdd = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _left = [.. Enumerable.Range(0, PairCount).Select(i => (random.Next(DistinctKeys), i))];
        _right = [.. Enumerable.Range(0, DistinctKeys).Select(k => (k, k * 3))];
        _sc = new SparkContext("local[*]", "join-sort-benchmark");
        int partitions = _sc.DefaultParallelism * 4;
        _leftRdd = _sc.Parallelize(_left, partitions);
        _rightRdd = _sc.Parallelize(_right, partitions);
    }

    [GlobalCleanup]
    public void Cleanup() => _sc.Stop();

    [Benchmark(Description = "Join: LINQ")]
    public int LinqJoin() => _left.Join(_right, l => l.Key, r => r.Key, (l, r) => (l.Key, l.Value, r.Value)).Count();

    [Benchmark(Description = "Join: PLINQ")]
    public int PlinqJoin() =>
        _left.AsParallel().Join(_right.AsParallel(), l => l.Key, r => r.Key, (l, r) => (l.Key, l.Value, r.Value)).Count();

    [Benchmark(Description = "Join: MiniSpark")]
    public long MiniSparkJoin() => _leftRdd.Join(_rightRdd).Count();

    [Benchmark(Description = "Sort: LINQ OrderBy")]
    public int LinqSort() => _left.OrderBy(p => p.Key).ToArray().Length;

    [Benchmark(Description = "Sort: PLINQ OrderBy")]
    public int PlinqSort() => _left.AsParallel().OrderBy(p => p.Key).ToArray().Length;

    [Benchmark(Description = "Sort: MiniSpark SortByKey")]
    public int MiniSparkSort() => _leftRdd.SortByKey().Collect().Length;
}
