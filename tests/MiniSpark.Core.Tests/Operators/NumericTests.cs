using System.Numerics;

namespace MiniSpark.Tests.Operators;

/// <summary>Sum, Stats, Mean, variances and Histogram against two-pass LINQ computations.</summary>
public sealed class NumericTests
{
    public static TheoryData<int, int> Layouts => new() { { 0, 3 }, { 500, 1 }, { 1000, 7 }, { 3, 10 } };

    private static double[] Doubles(int n, int seed, double scale = 1000)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => (random.NextDouble() - 0.5) * scale)];
    }

    private static void AssertClose(double expected, double actual, double relative = 1e-9)
    {
        if (double.IsNaN(expected)) { Assert.True(double.IsNaN(actual), $"expected NaN, got {actual}"); return; }
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");
    }

    private static (double Mean, double Variance, double SampleVariance) TwoPass(double[] xs)
    {
        if (xs.Length == 0) return (double.NaN, double.NaN, double.NaN);
        double mean = xs.Average();
        double squares = xs.Sum(x => (x - mean) * (x - mean));
        return (mean, squares / xs.Length, xs.Length > 1 ? squares / (xs.Length - 1) : double.NaN);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Sum_MatchesLinq_InTheElementType(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] ints = TestData.Ints(n, seed: 1);

        Assert.Equal(ints.Sum(), sc.Parallelize(ints, k).Sum());
        Assert.Equal(ints.Sum(x => (long)x * 1_000_000_000L), sc.Parallelize(ints.Select(x => (long)x * 1_000_000_000L), k).Sum());
        Assert.Equal(ints.Sum(x => x / 8m), sc.Parallelize(ints.Select(x => x / 8m), k).Sum());
        Assert.Equal(ints.Aggregate(BigInteger.Zero, (s, x) => s + x), sc.Parallelize(ints.Select(x => (BigInteger)x), k).Sum());
        AssertClose(ints.Sum(x => x * 0.1), sc.Parallelize(ints.Select(x => x * 0.1), k).Sum());
    }

    [Fact]
    public async Task Sum_Empty_IsZero_AndAsyncAgrees()
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Equal(0, sc.EmptyRdd<int>().Sum());
        Assert.Equal(0.0, sc.Parallelize(Array.Empty<double>(), 3).Sum());
        Assert.Equal(15L, await sc.Parallelize(new long[] { 1, 2, 3, 4, 5 }, 2).SumAsync());
    }

    [Fact]
    public void Sum_IntegerOverflow_Throws_LikeLinq()
    {
        using var sc = new SparkContext("local[2]", "test");

        var inTask = Assert.Throws<SparkJobException>(() => sc.Parallelize([int.MaxValue, 1], 1).Sum());
        Assert.IsType<OverflowException>(inTask.InnerException);
        // Each partition fits; their total does not.
        Assert.Throws<OverflowException>(() => sc.Parallelize([int.MaxValue, 1], 2).Sum());
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Stats_MatchesTwoPassLinq(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        double[] xs = Doubles(n, seed: 2);

        StatCounter stats = sc.Parallelize(xs, k).Stats();

        (double mean, double variance, double sampleVariance) = TwoPass(xs);
        Assert.Equal(n, stats.Count);
        AssertClose(mean, stats.Mean);
        AssertClose(xs.Sum(), stats.Sum);
        AssertClose(variance, stats.Variance);
        AssertClose(sampleVariance, stats.SampleVariance);
        AssertClose(Math.Sqrt(variance), stats.Stdev);
        AssertClose(Math.Sqrt(sampleVariance), stats.SampleStdev);
        Assert.Equal(n == 0 ? double.PositiveInfinity : xs.Min(), stats.Min);
        Assert.Equal(n == 0 ? double.NegativeInfinity : xs.Max(), stats.Max);
    }

    [Fact]
    public async Task SingleStatistics_MatchStats_SyncAndAsync()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] ints = TestData.Ints(3000, seed: 3);
        Rdd<int> rdd = sc.Parallelize(ints, 4);
        (double mean, double variance, double sampleVariance) = TwoPass([.. ints.Select(x => (double)x)]);

        AssertClose(mean, rdd.Mean());
        AssertClose(variance, rdd.Variance());
        AssertClose(sampleVariance, rdd.SampleVariance());
        AssertClose(Math.Sqrt(variance), rdd.Stdev());
        AssertClose(Math.Sqrt(sampleVariance), rdd.SampleStdev());
        AssertClose(mean, await rdd.MeanAsync());
        AssertClose(variance, await rdd.VarianceAsync());
        AssertClose(sampleVariance, await rdd.SampleVarianceAsync());
        AssertClose(Math.Sqrt(variance), await rdd.StdevAsync());
        AssertClose(Math.Sqrt(sampleVariance), await rdd.SampleStdevAsync());
        Assert.Equal(3000, (await rdd.StatsAsync()).Count);
    }

    [Fact]
    public void Empty_MeanAndVariancesNaN_CountZero()
    {
        using var sc = new SparkContext("local[2]", "test");
        Rdd<double> empty = sc.Parallelize(Array.Empty<double>(), 2);

        Assert.Equal(0, empty.Stats().Count);
        Assert.Equal(0.0, empty.Stats().Sum);
        Assert.True(double.IsNaN(empty.Mean()));
        Assert.True(double.IsNaN(empty.Variance()));
        Assert.True(double.IsNaN(empty.Stdev()));
        Assert.True(double.IsNaN(sc.Parallelize([5.0]).SampleVariance()));
        Assert.Equal(0.0, sc.Parallelize([5.0]).Variance());
    }

    [Fact]
    public void Variance_LargeOffsetSmallSpread_StaysAccurate_LikeWelford()
    {
        using var sc = new SparkContext("local[2]", "test");
        // 1e9 plus noise in [0, 1): the naive Σx²/n − mean² loses every significant digit here.
        var random = new Random(4);
        double[] xs = [.. Enumerable.Range(0, 200_000).Select(_ => 1e9 + random.NextDouble())];
        double welfordMean = 0, welfordM2 = 0;
        for (int i = 0; i < xs.Length; i++)
        {
            double delta = xs[i] - welfordMean;
            welfordMean += delta / (i + 1);
            welfordM2 += delta * (xs[i] - welfordMean);
        }

        StatCounter stats = sc.Parallelize(xs, 8).Stats();

        AssertClose(welfordM2 / xs.Length, stats.Variance, relative: 1e-6);
        AssertClose(1.0 / 12, stats.Variance, relative: 0.02); // uniform(0, 1) noise
        // The exact mean, in decimal: both Welford and the merged counters are within a few ulps of it.
        decimal exactMean = xs.Sum(x => (decimal)x) / xs.Length;
        AssertClose((double)exactMean, stats.Mean, relative: 1e-13);
        AssertClose((double)exactMean, welfordMean, relative: 1e-13);
    }

    [Fact]
    public void StatCounter_MergeOfParts_EqualsOnePass()
    {
        double[] xs = Doubles(1000, seed: 5);
        var whole = new StatCounter(xs);

        // Very uneven parts exercise both of the mean updates for unequal counts.
        StatCounter merged = new StatCounter(xs[..3]).Merge(new StatCounter(xs[3..600])).Merge(new StatCounter(xs[600..]))
            .Merge(new StatCounter());

        Assert.Equal(whole.Count, merged.Count);
        AssertClose(whole.Mean, merged.Mean);
        AssertClose(whole.Variance, merged.Variance);
        Assert.Equal(whole.Min, merged.Min);
        Assert.Equal(whole.Max, merged.Max);
        StatCounter fromEmpty = new StatCounter().Merge(whole);
        AssertClose(whole.Variance, fromEmpty.Variance);
    }

    [Fact]
    public void StatCounter_MergeWithItself_Doubles_CopyIsIndependent()
    {
        var counter = new StatCounter([1.0, 2.0, 3.0]);
        StatCounter copy = counter.Copy();

        counter.Merge(counter);

        Assert.Equal(6, counter.Count);
        AssertClose(2.0, counter.Mean);
        AssertClose(TwoPass([1, 2, 3, 1, 2, 3]).Variance, counter.Variance);
        Assert.Equal(3, copy.Count);
        Assert.Equal("(count: 3, mean: 2, stdev: 0.816496580927726, max: 3, min: 1)", copy.ToString());
    }

    [Fact]
    public void StatCounter_NaN_Propagates()
    {
        var counter = new StatCounter([1.0, double.NaN, 3.0]);

        Assert.True(double.IsNaN(counter.Mean));
        Assert.True(double.IsNaN(counter.Max));
    }

    private static long[] LinqHistogram(double[] xs, double[] edges) =>
    [
        .. Enumerable.Range(0, edges.Length - 1).Select(i => (long)xs.Count(x =>
            x >= edges[i] && (x < edges[i + 1] || (i == edges.Length - 2 && x == edges[i + 1])))),
    ];

    [Theory]
    [InlineData(1, 1000, 1)]
    [InlineData(5, 1000, 4)]
    [InlineData(10, 3, 10)]
    [InlineData(37, 5000, 7)]
    public void Histogram_EvenBuckets_MinToMax_LastClosed(int buckets, int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        double[] xs = Doubles(n, seed: 6);

        (double[] edges, long[] counts) = sc.Parallelize(xs, k).Histogram(buckets);

        Assert.Equal(buckets + 1, edges.Length);
        Assert.Equal(xs.Min(), edges[0]);
        Assert.Equal(xs.Max(), edges[^1]);
        for (int i = 0; i <= buckets; i++) AssertClose(xs.Min() + i * (xs.Max() - xs.Min()) / buckets, edges[i]);
        Assert.Equal(LinqHistogram(xs, edges), counts);
        Assert.Equal(n, counts.Sum());
    }

    [Fact]
    public async Task Histogram_IntegersAndAsync()
    {
        using var sc = new SparkContext("local[2]", "test");
        int[] ints = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

        (double[] edges, long[] counts) = await sc.Parallelize(ints, 3).HistogramAsync(2);

        Assert.Equal([0.0, 5.0, 10.0], edges);
        Assert.Equal([5L, 6L], counts); // 10 falls in the closed last bucket
    }

    [Fact]
    public void Histogram_AllEqual_OneBucket()
    {
        using var sc = new SparkContext("local[2]", "test");

        (double[] edges, long[] counts) = sc.Parallelize([4.0, 4.0, 4.0], 2).Histogram(10);

        Assert.Equal([4.0, 4.0], edges);
        Assert.Equal([3L], counts);
    }

    [Fact]
    public void Histogram_EmptyNaNOrInfinite_Throws_BadCount_Throws()
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Throws<InvalidOperationException>(() => sc.Parallelize(Array.Empty<double>(), 2).Histogram(3));
        Assert.Throws<InvalidOperationException>(() => sc.EmptyRdd<int>().Histogram(3));
        Assert.Throws<InvalidOperationException>(() => sc.Parallelize([1.0, double.NaN]).Histogram(3));
        Assert.Throws<InvalidOperationException>(() => sc.Parallelize([1.0, double.PositiveInfinity]).Histogram(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => sc.Parallelize([1.0]).Histogram(0));
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Histogram_GivenEdges_MatchesLinq(int n, int k)
    {
        using var sc = new SparkContext("local[2]", "test");
        double[] xs = [.. Doubles(n, seed: 7), -100, 0, 50, 200, 600, double.NaN];
        double[] edges = [-100, 0, 50, 200];

        long[] counts = sc.Parallelize(xs, k).Histogram(edges);

        // Values on an inner edge open its bucket; the last edge is closed; outside values and NaN are not counted.
        Assert.Equal(LinqHistogram(xs, edges), counts);
        Assert.Equal(LinqHistogram(xs, [double.NegativeInfinity, 0, double.PositiveInfinity]),
            sc.Parallelize(xs, k).Histogram([double.NegativeInfinity, 0, double.PositiveInfinity]));
    }

    [Fact]
    public async Task Histogram_GivenEdges_EmptyIsZeros_BadEdgesThrow()
    {
        using var sc = new SparkContext("local[2]", "test");

        Assert.Equal([0L, 0L], sc.EmptyRdd<int>().Histogram([0.0, 1, 2]));
        long[] counts = await sc.Parallelize([0.5, 1.5]).HistogramAsync([0.0, 1, 2]);
        Assert.Equal([1L, 1L], counts);
        Assert.Throws<ArgumentException>(() => sc.Parallelize([1.0]).Histogram([1.0]));
        Assert.Throws<ArgumentException>(() => sc.Parallelize([1.0]).Histogram([0.0, 2, 1]));
        Assert.Throws<ArgumentException>(() => sc.Parallelize([1.0]).Histogram([0.0, 1, 1]));
        Assert.Throws<ArgumentException>(() => sc.Parallelize([1.0]).Histogram([0.0, double.NaN]));
    }
}
