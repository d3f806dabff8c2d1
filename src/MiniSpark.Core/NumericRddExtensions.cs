using System.Numerics;

namespace MiniSpark;

/// <summary>Statistics over datasets of numbers: any element type implementing <see cref="INumber{TSelf}"/>
/// (<c>int</c>, <c>long</c>, <c>double</c>, <c>decimal</c>, …). Spark's DoubleRDDFunctions.</summary>
/// <remarks>
/// <para><see cref="Sum{T}(Rdd{T})"/> adds in the element type itself; everything else converts each value to
/// <see cref="double"/> and goes through one <see cref="StatCounter"/> per partition, merged by the caller, so the
/// variance is numerically stable.</para>
/// <para>On an empty dataset: <c>Sum</c> is zero, <c>Mean</c> and the variances are NaN, <c>Stats().Count</c> is 0,
/// and <c>Histogram(int)</c> throws, as in Spark.</para>
/// <para>Every action runs one job (<c>Histogram(int)</c> two) and has an <c>...Async</c> form.</para>
/// </remarks>
public static class NumericRddExtensions
{
    /// <summary>The sum of the records, in <typeparamref name="T"/>; zero when empty.</summary>
    /// <remarks>Checked arithmetic, like LINQ's <c>Sum</c>: an integer overflow throws <see cref="OverflowException"/>
    /// (inside a task, as the inner exception of a <see cref="SparkJobException"/>) rather than wrapping.</remarks>
    public static T Sum<T>(this Rdd<T> rdd) where T : INumber<T> =>
        SumCore(rdd, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Sum{T}(Rdd{T})"/>.</summary>
    public static Task<T> SumAsync<T>(this Rdd<T> rdd, CancellationToken cancellationToken = default) where T : INumber<T> =>
        SumCore(rdd, false, cancellationToken).AsTask();

    /// <summary>Count, mean, sum, minimum, maximum and variance in one job.</summary>
    public static StatCounter Stats<T>(this Rdd<T> rdd) where T : INumber<T> =>
        StatsCore(rdd, nameof(Stats), true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Stats{T}(Rdd{T})"/>.</summary>
    public static Task<StatCounter> StatsAsync<T>(this Rdd<T> rdd, CancellationToken cancellationToken = default)
        where T : INumber<T> =>
        StatsCore(rdd, nameof(Stats), false, cancellationToken).AsTask();

    /// <summary>The mean of the records; NaN when empty.</summary>
    public static double Mean<T>(this Rdd<T> rdd) where T : INumber<T> => rdd.Stat(nameof(Mean), static s => s.Mean);

    /// <summary>Asynchronous form of <see cref="Mean{T}(Rdd{T})"/>.</summary>
    public static Task<double> MeanAsync<T>(this Rdd<T> rdd, CancellationToken cancellationToken = default) where T : INumber<T> =>
        rdd.StatAsync(nameof(Mean), static s => s.Mean, cancellationToken);

    /// <summary>The population variance (divides by n, like Spark's <c>variance</c>); NaN when empty.</summary>
    public static double Variance<T>(this Rdd<T> rdd) where T : INumber<T> => rdd.Stat(nameof(Variance), static s => s.Variance);

    /// <summary>Asynchronous form of <see cref="Variance{T}(Rdd{T})"/>.</summary>
    public static Task<double> VarianceAsync<T>(this Rdd<T> rdd, CancellationToken cancellationToken = default) where T : INumber<T> =>
        rdd.StatAsync(nameof(Variance), static s => s.Variance, cancellationToken);

    /// <summary>The sample variance (divides by n − 1); NaN for fewer than two records.</summary>
    public static double SampleVariance<T>(this Rdd<T> rdd) where T : INumber<T> =>
        rdd.Stat(nameof(SampleVariance), static s => s.SampleVariance);

    /// <summary>Asynchronous form of <see cref="SampleVariance{T}(Rdd{T})"/>.</summary>
    public static Task<double> SampleVarianceAsync<T>(this Rdd<T> rdd, CancellationToken cancellationToken = default)
        where T : INumber<T> =>
        rdd.StatAsync(nameof(SampleVariance), static s => s.SampleVariance, cancellationToken);

    /// <summary>The population standard deviation; NaN when empty.</summary>
    public static double Stdev<T>(this Rdd<T> rdd) where T : INumber<T> => rdd.Stat(nameof(Stdev), static s => s.Stdev);

    /// <summary>Asynchronous form of <see cref="Stdev{T}(Rdd{T})"/>.</summary>
    public static Task<double> StdevAsync<T>(this Rdd<T> rdd, CancellationToken cancellationToken = default) where T : INumber<T> =>
        rdd.StatAsync(nameof(Stdev), static s => s.Stdev, cancellationToken);

    /// <summary>The sample standard deviation; NaN for fewer than two records.</summary>
    public static double SampleStdev<T>(this Rdd<T> rdd) where T : INumber<T> =>
        rdd.Stat(nameof(SampleStdev), static s => s.SampleStdev);

    /// <summary>Asynchronous form of <see cref="SampleStdev{T}(Rdd{T})"/>.</summary>
    public static Task<double> SampleStdevAsync<T>(this Rdd<T> rdd, CancellationToken cancellationToken = default)
        where T : INumber<T> =>
        rdd.StatAsync(nameof(SampleStdev), static s => s.SampleStdev, cancellationToken);

    /// <summary>Counts records in <paramref name="buckets"/> equal-width buckets from the minimum to the maximum.</summary>
    /// <remarks>
    /// <para>Like Spark: one job finds the minimum and maximum, a second counts. <c>Buckets</c> holds the
    /// <c>buckets + 1</c> edges; bucket <c>i</c> is <c>[Buckets[i], Buckets[i+1])</c>, except the last, which also holds
    /// the maximum. When every record is equal there is one bucket, <c>[x, x]</c>, whatever <paramref name="buckets"/>.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="buckets"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">The dataset is empty or holds NaN or an infinity.</exception>
    public static (double[] Buckets, long[] Counts) Histogram<T>(this Rdd<T> rdd, int buckets) where T : INumber<T> =>
        HistogramCore(rdd, buckets, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Histogram{T}(Rdd{T}, int)"/>.</summary>
    public static Task<(double[] Buckets, long[] Counts)> HistogramAsync<T>(this Rdd<T> rdd, int buckets,
        CancellationToken cancellationToken = default) where T : INumber<T> =>
        HistogramCore(rdd, buckets, false, cancellationToken).AsTask();

    /// <summary>Counts records in the buckets between consecutive <paramref name="buckets"/> edges.</summary>
    /// <remarks>Bucket <c>i</c> is <c>[buckets[i], buckets[i+1])</c>, except the last, which is closed; records outside
    /// every bucket (and NaN) are not counted. An empty dataset gives all zeros. Edges may be infinite.</remarks>
    /// <param name="rdd">The numbers.</param>
    /// <param name="buckets">At least two edges, strictly increasing, none NaN.</param>
    /// <returns>One count per bucket: <c>buckets.Length - 1</c> of them.</returns>
    /// <exception cref="ArgumentException">Fewer than two edges, or edges not strictly increasing.</exception>
    public static long[] Histogram<T>(this Rdd<T> rdd, double[] buckets) where T : INumber<T> =>
        HistogramCore(rdd, CheckEdges(buckets), evenlySpaced: false, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Histogram{T}(Rdd{T}, double[])"/>.</summary>
    public static Task<long[]> HistogramAsync<T>(this Rdd<T> rdd, double[] buckets, CancellationToken cancellationToken = default)
        where T : INumber<T> =>
        HistogramCore(rdd, CheckEdges(buckets), evenlySpaced: false, false, cancellationToken).AsTask();

    // Saturating: a BigInteger beyond double's range becomes ±infinity instead of throwing mid-job.
    private static double ToDouble<T>(T value) where T : INumber<T> => double.CreateSaturating(value);

    private static double Stat<T>(this Rdd<T> rdd, string callSite, Func<StatCounter, double> select) where T : INumber<T> =>
        select(StatsCore(rdd, callSite, true, default).GetAwaiter().GetResult());

    private static async Task<double> StatAsync<T>(this Rdd<T> rdd, string callSite, Func<StatCounter, double> select,
        CancellationToken cancellationToken) where T : INumber<T> =>
        select(await StatsCore(rdd, callSite, false, cancellationToken).ConfigureAwait(false));

    private static async ValueTask<T> SumCore<T>(Rdd<T> rdd, bool sync, CancellationToken cancellationToken) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(rdd);
        T[] partials = await RunAsync(rdd, static (_, records) =>
        {
            T sum = T.Zero;
            foreach (T value in records) sum = checked(sum + value);
            return sum;
        }, nameof(Sum), sync, cancellationToken).ConfigureAwait(false);
        T total = T.Zero;
        foreach (T partial in partials) total = checked(total + partial);
        return total;
    }

    private static async ValueTask<StatCounter> StatsCore<T>(Rdd<T> rdd, string callSite, bool sync,
        CancellationToken cancellationToken) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(rdd);
        StatCounter[] partials = await RunAsync(rdd, static (_, records) =>
        {
            var counter = new StatCounter();
            foreach (T value in records) counter.Merge(ToDouble(value));
            return counter;
        }, callSite, sync, cancellationToken).ConfigureAwait(false);
        var total = new StatCounter();
        foreach (StatCounter partial in partials) total.Merge(partial);
        return total;
    }

    private static async ValueTask<(double[], long[])> HistogramCore<T>(Rdd<T> rdd, int buckets, bool sync,
        CancellationToken cancellationToken) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(buckets);
        (double Min, double Max)[] partials = await RunAsync(rdd, static (_, records) =>
        {
            double min = double.PositiveInfinity, max = double.NegativeInfinity;
            foreach (T value in records)
            {
                double x = ToDouble(value);
                // Math.Min/Max propagate NaN, so a NaN record is seen and rejected below.
                min = Math.Min(min, x);
                max = Math.Max(max, x);
            }
            return (min, max);
        }, nameof(Histogram), sync, cancellationToken).ConfigureAwait(false);
        double low = double.PositiveInfinity, high = double.NegativeInfinity;
        foreach ((double min, double max) in partials)
        {
            low = Math.Min(low, min);
            high = Math.Max(high, max);
        }
        if (!double.IsFinite(low) || !double.IsFinite(high))
            throw new InvalidOperationException("Histogram needs a non-empty dataset without NaN or infinite values.");

        double[] edges;
        if (low == high)
        {
            edges = [low, low];
        }
        else
        {
            // min + i·span/n rather than repeated addition of a step, which drifts; the last edge is exactly max.
            edges = new double[buckets + 1];
            double span = high - low;
            for (int i = 0; i < buckets; i++) edges[i] = low + i * span / buckets;
            edges[buckets] = high;
        }
        long[] counts = await HistogramCore(rdd, edges, evenlySpaced: true, sync, cancellationToken).ConfigureAwait(false);
        return (edges, counts);
    }

    private static async ValueTask<long[]> HistogramCore<T>(Rdd<T> rdd, double[] edges, bool evenlySpaced, bool sync,
        CancellationToken cancellationToken) where T : INumber<T>
    {
        ArgumentNullException.ThrowIfNull(rdd);
        int bucketCount = edges.Length - 1;
        long[][] partials = await RunAsync(rdd, (_, records) =>
        {
            var counts = new long[bucketCount];
            foreach (T value in records)
            {
                int bucket = evenlySpaced ? EvenBucket(ToDouble(value), edges) : SearchBucket(ToDouble(value), edges);
                if (bucket >= 0) counts[bucket]++;
            }
            return counts;
        }, nameof(Histogram), sync, cancellationToken).ConfigureAwait(false);
        var total = new long[bucketCount];
        foreach (long[] partial in partials)
        {
            for (int i = 0; i < bucketCount; i++) total[i] += partial[i];
        }
        return total;
    }

    // Evenly spaced edges: the bucket in constant time (Spark's fastBucketFunction). The ratio is taken first, for
    // precision; the maximum lands on index n and belongs to the last, closed bucket.
    private static int EvenBucket(double x, double[] edges)
    {
        double min = edges[0], max = edges[^1];
        int n = edges.Length - 1;
        if (double.IsNaN(x) || x < min || x > max) return -1;
        if (min == max) return 0;
        return Math.Min((int)((x - min) / (max - min) * n), n - 1);
    }

    // Any sorted edges: binary search (Spark's basicBucketFunction). An exact match on an edge opens that bucket;
    // on the last edge, it closes the last bucket.
    private static int SearchBucket(double x, double[] edges)
    {
        if (double.IsNaN(x)) return -1;
        int location = Array.BinarySearch(edges, x);
        if (location >= 0) return location < edges.Length - 1 ? location : location - 1;
        int insertion = ~location;
        return insertion > 0 && insertion < edges.Length ? insertion - 1 : -1;
    }

    private static double[] CheckEdges(double[] buckets)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        if (buckets.Length < 2) throw new ArgumentException("A histogram needs at least two bucket edges.", nameof(buckets));
        for (int i = 0; i < buckets.Length; i++)
        {
            if (double.IsNaN(buckets[i]) || (i > 0 && !(buckets[i - 1] < buckets[i])))
                throw new ArgumentException($"Bucket edges must be strictly increasing numbers; edge {i} is {buckets[i]}.", nameof(buckets));
        }
        return [.. buckets]; // a copy: the caller may change the array while the job runs
    }

    private static async ValueTask<U[]> RunAsync<T, U>(Rdd<T> rdd, Func<TaskContext, IEnumerable<T>, U> func, string callSite,
        bool sync, CancellationToken cancellationToken) =>
        sync
            ? rdd.Context.RunJobAsync(rdd, func, null, callSite, cancellationToken).GetAwaiter().GetResult()
            : await rdd.Context.RunJobAsync(rdd, func, null, callSite, cancellationToken).ConfigureAwait(false);
}
