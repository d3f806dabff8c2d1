namespace MiniSpark.Samples.KMeans;

/// <summary>One partition's share of a Lloyd step: per-center coordinate sums and counts, and the cost.</summary>
/// <remarks>The accumulator of <c>Aggregate</c>: a fresh one per partition, points added in place (no allocation
/// per point), partials merged on the driver.</remarks>
internal sealed class ClusterSums(int k, int dimensions)
{
    public double[] Sums { get; } = new double[k * dimensions];
    public long[] Counts { get; } = new long[k];
    public double Cost { get; private set; }

    public ClusterSums Add(double[] point, double[] flatCenters)
    {
        int closest = Vectors.Closest(point, flatCenters, dimensions, out double distance);
        Span<double> sum = Sums.AsSpan(closest * dimensions, dimensions);
        for (int i = 0; i < sum.Length; i++) sum[i] += point[i];
        Counts[closest]++;
        Cost += distance;
        return this;
    }

    public ClusterSums Merge(ClusterSums other)
    {
        for (int i = 0; i < Sums.Length; i++) Sums[i] += other.Sums[i];
        for (int i = 0; i < Counts.Length; i++) Counts[i] += other.Counts[i];
        Cost += other.Cost;
        return this;
    }

    /// <summary>The means; a center that lost all its points stays where it was (as in Spark).</summary>
    public double[][] NewCenters(double[][] previous)
    {
        var centers = new double[k][];
        for (int c = 0; c < k; c++)
        {
            if (Counts[c] == 0)
            {
                centers[c] = (double[])previous[c].Clone();
                continue;
            }
            centers[c] = new double[dimensions];
            for (int i = 0; i < dimensions; i++) centers[c][i] = Sums[c * dimensions + i] / Counts[c];
        }
        return centers;
    }
}
