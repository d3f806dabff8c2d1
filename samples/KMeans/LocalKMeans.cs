namespace MiniSpark.Samples.KMeans;

/// <summary>k-means on a few points in the driver, Spark MLlib's <c>LocalKMeans.kMeansPlusPlus</c>: weighted
/// k-means++ seeding, then up to <c>maxIterations</c> weighted Lloyd steps.</summary>
internal static class LocalKMeans
{
    public static double[][] PlusPlus(double[][] points, double[]? weights, int k, int maxIterations, int seed)
    {
        weights ??= [.. Enumerable.Repeat(1.0, points.Length)];
        var random = new Random(seed);
        int dimensions = points[0].Length;
        var centers = new double[k][];

        centers[0] = (double[])PickWeighted(random, points, weights).Clone();
        double[] costs = [.. points.Select(p => Vectors.SquaredDistance(p, centers[0]))];
        for (int i = 1; i < k; i++)
        {
            double sum = 0;
            for (int p = 0; p < points.Length; p++) sum += weights[p] * costs[p];
            double r = random.NextDouble() * sum;
            double cumulative = 0;
            int j = 0;
            while (j < points.Length && cumulative < r) cumulative += weights[j] * costs[j++];
            centers[i] = (double[])points[Math.Max(j - 1, 0)].Clone();
            for (int p = 0; p < points.Length; p++) costs[p] = Math.Min(costs[p], Vectors.SquaredDistance(points[p], centers[i]));
        }

        int[] previous = [.. Enumerable.Repeat(-1, points.Length)];
        bool moved = true;
        for (int iteration = 0; moved && iteration < maxIterations; iteration++)
        {
            moved = false;
            double[] flat = Vectors.Flatten(centers);
            var sums = new double[k, dimensions];
            var counts = new double[k];
            for (int p = 0; p < points.Length; p++)
            {
                int closest = Vectors.Closest(points[p], flat, dimensions, out _);
                for (int d = 0; d < dimensions; d++) sums[closest, d] += weights[p] * points[p][d];
                counts[closest] += weights[p];
                if (closest != previous[p])
                {
                    moved = true;
                    previous[p] = closest;
                }
            }
            for (int c = 0; c < k; c++)
            {
                if (counts[c] == 0)
                {
                    centers[c] = (double[])points[random.Next(points.Length)].Clone(); // an empty cluster restarts at a random point
                    continue;
                }
                for (int d = 0; d < dimensions; d++) centers[c][d] = sums[c, d] / counts[c];
            }
        }
        return centers;
    }

    private static double[] PickWeighted(Random random, double[][] points, double[] weights)
    {
        double r = random.NextDouble() * weights.Sum();
        double cumulative = 0;
        int i = 0;
        while (i < points.Length && cumulative < r) cumulative += weights[i++];
        return points[Math.Max(i - 1, 0)];
    }
}
