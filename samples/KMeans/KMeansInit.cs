namespace MiniSpark.Samples.KMeans;

/// <summary>Choosing the first centers: k-means|| (distributed) or k-means++ on a sample; both end with a local,
/// weighted k-means++ as in Spark MLlib's <c>LocalKMeans</c>.</summary>
internal static class KMeansInit
{
    /// <summary>Points drawn for k-means++: enough for every cluster to be well represented, few enough to be local.</summary>
    public static int PlusPlusSampleSize(int k) => Math.Max(10_000, 20 * k);

    /// <summary>k-means++ seeding on a uniform sample of the points.</summary>
    public static double[][] PlusPlus(Rdd<double[]> points, int k, long seed)
    {
        double[][] sample = points.TakeSample(false, PlusPlusSampleSize(k), seed);
        if (sample.Length == 0) throw new InvalidOperationException("k-means needs at least one point.");
        return LocalKMeans.PlusPlus(sample, weights: null, k, maxIterations: 0, Seeds.Derive(seed, 1));
    }

    /// <summary>k-means|| (Bahmani et al., "Scalable K-Means++", 2012), following Spark MLlib's
    /// <c>initKMeansParallel</c>: one random center, then <paramref name="steps"/> rounds that each keep every point
    /// with probability <c>2k · cost / total cost</c> (cost: squared distance to the nearest candidate so far);
    /// the candidates, weighted by how many points are nearest to each, are reduced to k by local k-means++.</summary>
    public static double[][] Parallel(Rdd<double[]> points, int k, int steps, long seed)
    {
        SparkContext sc = points.Context;
        double[][] first = points.TakeSample(false, 1, seed);
        if (first.Length == 0) throw new InvalidOperationException("k-means needs at least one point.");
        int dimensions = first[0].Length;

        var candidates = new List<double[]>(first);
        double[][] newCenters = first;
        // Each point's cost against the candidates so far; only the new candidates are measured in each round.
        Rdd<double> costs = points.Map(_ => double.PositiveInfinity);
        for (int step = 0; step < steps && newCenters.Length > 0; step++)
        {
            Broadcast<double[]> fresh = sc.Broadcast(Vectors.Flatten(newCenters));
            Rdd<double> previous = costs;
            costs = points.Zip(previous)
                .Map(pc => Math.Min(NearestDistance(pc.Item1, fresh.Value, dimensions), pc.Item2))
                .SetName($"k-means|| costs {step + 1}")
                .Persist(StorageLevel.MemoryAndDisk);
            double total = costs.Sum();
            previous.Unpersist();
            fresh.Destroy();

            int round = step;
            newCenters = points.Zip(costs)
                .MapPartitionsWithIndex((partition, pointCosts) =>
                    Oversample(pointCosts, new Random(Seeds.Derive(seed, round + 2, partition)), 2.0 * k / total))
                .Collect();
            candidates.AddRange(newCenters);
        }
        costs.Unpersist();

        double[][] distinct = [.. candidates.Distinct(Vectors.ValueComparer.Instance)];
        if (distinct.Length <= k) return distinct;

        Broadcast<double[]> all = sc.Broadcast(Vectors.Flatten(distinct));
        IReadOnlyDictionary<int, long> nearest = points
            .Map(p => Vectors.Closest(p, all.Value, dimensions, out _))
            .CountByValue();
        all.Destroy();
        double[] weights = [.. Enumerable.Range(0, distinct.Length).Select(i => (double)nearest.GetValueOrDefault(i))];
        return LocalKMeans.PlusPlus(distinct, weights, k, maxIterations: 30, Seeds.Derive(seed, 0));
    }

    private static double NearestDistance(double[] point, double[] flatCenters, int dimensions)
    {
        Vectors.Closest(point, flatCenters, dimensions, out double distance);
        return distance;
    }

    private static IEnumerable<double[]> Oversample(IEnumerable<(double[] Point, double Cost)> pointCosts, Random random,
        double rate)
    {
        foreach ((double[] point, double cost) in pointCosts)
        {
            if (random.NextDouble() < rate * cost) yield return point;
        }
    }
}
