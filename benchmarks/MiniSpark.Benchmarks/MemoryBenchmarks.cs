using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>ReduceByKey over 3M distinct string keys with a 32 MB budget beside the same job with an unlimited budget;
/// the process's peak working set is printed at cleanup (goal: budget + 200 MB).</summary>
[MemoryDiagnoser]
public class MemoryBenchmarks
{
    private SparkContext _sc = null!;

    [Params("32m", "unlimited")]
    public string Budget { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var conf = new SparkConf().SetMaster("local[*]").SetAppName("memory-benchmark");
        if (Budget != "unlimited") conf.Set(ConfigKeys.MemoryMaxBytes, Budget);
        _sc = new SparkContext(conf);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sc.Stop();
        Console.WriteLine($"// PeakWorkingSet[{Budget}] = {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB");
    }

    [Benchmark(Description = "ReduceByKey, 3M distinct string keys")]
    public long DistinctKeys() =>
        _sc.Range(0, 3_000_000, 1, _sc.DefaultParallelism * 2)
            .Map(i => ($"user-{i:D10}", 1L))
            .ReduceByKey((a, b) => a + b)
            .Count();
}
