using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>One k-means iteration (assign each point to its closest center, average per center) over 1M cached 8-dimensional
/// points and 16 centers; the same <see cref="Closest"/> function on every side.</summary>
[MemoryDiagnoser]
public class KMeansBenchmarks
{
    private const int Dimensions = 8;
    private double[][] _points = [];
    private double[][] _centers = [];
    private SparkContext _one = null!;
    private SparkContext _all = null!;
    private Rdd<double[]> _cachedOne = null!;
    private Rdd<double[]> _cachedAll = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _points = [.. Enumerable.Range(0, 1_000_000).Select(_ => Enumerable.Range(0, Dimensions).Select(_ => random.NextDouble() * 100).ToArray())];
        _centers = [.. _points.Take(16).Select(p => (double[])p.Clone())];
        _one = new SparkContext("local[1]", "kmeans-benchmark");
        _all = new SparkContext("local[*]", "kmeans-benchmark");
        _cachedOne = _one.Parallelize(_points, 4).Cache();
        _cachedAll = _all.Parallelize(_points, Math.Max(4, _all.DefaultParallelism * 2)).Cache();
        _cachedOne.Count();
        _cachedAll.Count();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _one.Stop();
        _all.Stop();
    }

    internal static int Closest(double[] point, double[][] centers)
    {
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int c = 0; c < centers.Length; c++)
        {
            double distance = 0;
            double[] center = centers[c];
            for (int d = 0; d < point.Length; d++)
            {
                double delta = point[d] - center[d];
                distance += delta * delta;
            }
            if (distance < bestDistance) (best, bestDistance) = (c, distance);
        }
        return best;
    }

    // The accumulation every side shares: add a point into a running (sum, count) in place.
    private static (double[] Sum, long Count) Accumulate((double[] Sum, long Count) acc, double[] point)
    {
        for (int d = 0; d < point.Length; d++) acc.Sum[d] += point[d];
        return (acc.Sum, acc.Count + 1);
    }

    private static (double[] Sum, long Count) Merge((double[] Sum, long Count) a, (double[] Sum, long Count) b)
    {
        for (int d = 0; d < a.Sum.Length; d++) a.Sum[d] += b.Sum[d];
        return (a.Sum, a.Count + b.Count);
    }

    [Benchmark(Baseline = true, Description = "LINQ GroupBy")]
    public int Linq() => _points.GroupBy(p => Closest(p, _centers))
        .Select(g => g.Aggregate((Sum: new double[Dimensions], Count: 0L), Accumulate)).ToArray().Length;

    [Benchmark(Description = "PLINQ GroupBy")]
    public int Plinq() => _points.AsParallel().GroupBy(p => Closest(p, _centers))
        .Select(g => g.Aggregate((Sum: new double[Dimensions], Count: 0L), Accumulate)).ToArray().Length;

    [Benchmark(Description = "MiniSpark AggregateByKey on cached points, 1 slot")]
    public int MiniSparkOneSlot() => Iterate(_cachedOne);

    [Benchmark(Description = "MiniSpark AggregateByKey on cached points, all slots")]
    public int MiniSparkAllSlots() => Iterate(_cachedAll);

    private int Iterate(Rdd<double[]> points)
    {
        double[][] centers = _centers;
        return points.Map(p => (Closest(p, centers), p))
            .AggregateByKey((Sum: new double[Dimensions], Count: 0L), Accumulate, Merge).Collect().Length;
    }
}
