using System.Globalization;

namespace MiniSpark;

/// <summary>Count, mean, variance, minimum and maximum of numbers, computed in one pass and mergeable across
/// partitions (Spark's StatCounter).</summary>
/// <remarks>
/// <para>Keeps the running mean and the sum of squared deviations (Welford's update per value, and Chan et al.'s
/// pairwise formula to merge two counters), so the variance stays accurate where the naive
/// <c>Σx² / n − mean²</c> cancels catastrophically (large values with a small spread).</para>
/// <para>Empty: <see cref="Count"/> 0, <see cref="Sum"/> 0, <see cref="Mean"/> and the variances NaN,
/// <see cref="Min"/> +∞ and <see cref="Max"/> −∞, as in Spark. A NaN value makes the mean, variance, minimum and
/// maximum NaN.</para>
/// <para>Mutable and not thread-safe: each task fills its own counter and the caller merges them.</para>
/// </remarks>
public sealed class StatCounter
{
    private long _count;
    private double _mean;
    private double _m2;       // sum of squared deviations from the mean
    private double _sum;
    private double _min = double.PositiveInfinity;
    private double _max = double.NegativeInfinity;

    /// <summary>An empty counter.</summary>
    public StatCounter() { }

    /// <summary>A counter holding <paramref name="values"/>.</summary>
    public StatCounter(IEnumerable<double> values) => Merge(values);

    /// <summary>How many values were merged.</summary>
    public long Count => _count;

    /// <summary>The mean; NaN when empty.</summary>
    public double Mean => _count == 0 ? double.NaN : _mean;

    /// <summary>The sum of the values (0 when empty).</summary>
    public double Sum => _sum;

    /// <summary>The smallest value; +∞ when empty.</summary>
    public double Min => _min;

    /// <summary>The largest value; −∞ when empty.</summary>
    public double Max => _max;

    /// <summary>The population variance, <c>Σ(x − mean)² / n</c>; NaN when empty.</summary>
    public double Variance => _count == 0 ? double.NaN : _m2 / _count;

    /// <summary>The sample variance, <c>Σ(x − mean)² / (n − 1)</c>; NaN for fewer than two values.</summary>
    public double SampleVariance => _count <= 1 ? double.NaN : _m2 / (_count - 1);

    /// <summary>The population standard deviation, <c>√Variance</c>.</summary>
    public double Stdev => Math.Sqrt(Variance);

    /// <summary>The sample standard deviation, <c>√SampleVariance</c>.</summary>
    public double SampleStdev => Math.Sqrt(SampleVariance);

    /// <summary>Adds one value (Welford's update); returns this counter.</summary>
    public StatCounter Merge(double value)
    {
        double delta = value - _mean;
        _count++;
        _mean += delta / _count;
        _m2 += delta * (value - _mean);
        _sum += value;
        _max = Math.Max(_max, value);
        _min = Math.Min(_min, value);
        return this;
    }

    /// <summary>Adds every value of <paramref name="values"/>; returns this counter.</summary>
    public StatCounter Merge(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (double value in values) Merge(value);
        return this;
    }

    /// <summary>Adds the values <paramref name="other"/> summarises (Chan et al.'s parallel formula); returns this counter.</summary>
    /// <remarks><paramref name="other"/> is not changed; merging a counter into itself doubles it.</remarks>
    public StatCounter Merge(StatCounter other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(other, this)) return Merge(other.Copy());
        if (other._count == 0) return this;
        if (_count == 0)
        {
            (_count, _mean, _m2, _sum, _min, _max) = (other._count, other._mean, other._m2, other._sum, other._min, other._max);
            return this;
        }
        double delta = other._mean - _mean;
        double n = _count, m = other._count, total = n + m;
        // Spark's choice of mean update: moving the larger side's mean by a small correction loses less precision
        // than averaging two products when the counts differ by an order of magnitude.
        if (m * 10 < n) _mean += delta * m / total;
        else if (n * 10 < m) _mean = other._mean - delta * n / total;
        else _mean = (_mean * n + other._mean * m) / total;
        _m2 += other._m2 + delta * delta * n * m / total;
        _count += other._count;
        _sum += other._sum;
        _max = Math.Max(_max, other._max);
        _min = Math.Min(_min, other._min);
        return this;
    }

    /// <summary>An independent copy of this counter.</summary>
    public StatCounter Copy() => (StatCounter)MemberwiseClone();

    /// <summary>Like Spark: <c>(count: n, mean: m, stdev: s, max: x, min: y)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"(count: {Count}, mean: {Mean}, stdev: {Stdev}, max: {Max}, min: {Min})");
}
