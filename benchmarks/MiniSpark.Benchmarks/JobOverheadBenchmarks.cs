using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>Fixed costs: an empty one-partition job, and a job of 100 empty tasks (per-task cost = its time / 100).</summary>
public class JobOverheadBenchmarks
{
    private SparkContext _sc = null!;
    private Rdd<int> _onePartition = null!;
    private Rdd<int> _hundredPartitions = null!;

    [GlobalSetup]
    public void Setup()
    {
        _sc = new SparkContext("local[*]", "overhead-benchmark");
        _onePartition = _sc.Parallelize(Array.Empty<int>(), 1);
        _hundredPartitions = _sc.Parallelize(Array.Empty<int>(), 100);
    }

    [GlobalCleanup]
    public void Cleanup() => _sc.Stop();

    [Benchmark(Description = "empty job, 1 partition")]
    public long EmptyJob() => _onePartition.Count();

    [Benchmark(Description = "empty job, 100 partitions", OperationsPerInvoke = 100)]
    public long PerTask() => _hundredPartitions.Count();
}
