using System.Globalization;

namespace MiniSpark.Samples.KMeans;

/// <summary>What one run computed.</summary>
/// <param name="InitialCenters">The centers the initialisation chose (the start of the first iteration).</param>
/// <param name="Costs">Per iteration, the sum of squared distances of the points to their nearest center at the start
/// of that iteration (the assignment the new centers are computed from).</param>
/// <param name="Centers">The centers after the last iteration.</param>
public sealed record KMeansResult(double[][] InitialCenters, double[] Costs, double[][] Centers);

/// <summary>k-means clustering (Lloyd's algorithm) on MiniSpark, with k-means|| or k-means++ initialisation.</summary>
/// <remarks>
/// The points are cached once and read by every job. An iteration is one job: each task assigns its points to the
/// nearest of the broadcast centers and folds them into per-center sums and counts (one accumulator per partition,
/// no allocation per point); the driver merges the partials, prints the cost and divides the sums into the new
/// centers.
/// </remarks>
public static class KMeansJob
{
    /// <summary>Runs k-means as <paramref name="options"/> say in a context of its own; writes
    /// <c>iteration &lt;i&gt; cost &lt;c&gt;</c> per iteration, then the final centers one per line (comma-separated),
    /// to <paramref name="output"/>.</summary>
    public static KMeansResult Run(KMeansOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        options.Validate();

        var conf = new SparkConf()
            .SetMaster(options.Master)
            .SetAppName("k-means")
            .Set(ConfigKeys.ShowConsoleProgress, options.ShowProgress ? "true" : "false");
        using var sc = new SparkContext(conf);

        Rdd<double[]> points = (options.Input is null
            ? KMeansData.Generate(sc, options)
            : KMeansData.ReadCsv(sc, options.Input, options.Partitions)).Cache();

        double[][] initial = options.Init == KMeansInitMode.PlusPlus
            ? KMeansInit.PlusPlus(points, options.K, options.Seed)
            : KMeansInit.Parallel(points, options.K, options.InitSteps, options.Seed);

        KMeansResult result = Iterate(points, initial, options.Iterations, output);
        foreach (double[] center in result.Centers) output.WriteLine(Vectors.Format(center));
        points.Unpersist();
        return result;
    }

    /// <summary>Lloyd's iterations from <paramref name="initial"/>, one job each; prints each iteration's cost.</summary>
    public static KMeansResult Iterate(Rdd<double[]> points, double[][] initial, int iterations, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(initial);
        ArgumentNullException.ThrowIfNull(output);
        if (initial.Length == 0) throw new ArgumentException("At least one initial center is needed.", nameof(initial));

        int k = initial.Length;
        int dimensions = initial[0].Length;
        double[][] centers = initial;
        var costs = new double[iterations];
        for (int i = 0; i < iterations; i++)
        {
            Broadcast<double[]> flat = points.Context.Broadcast(Vectors.Flatten(centers));
            ClusterSums totals = points.Aggregate(
                () => new ClusterSums(k, dimensions),
                (sums, point) => sums.Add(point, flat.Value),
                (a, b) => a.Merge(b));
            flat.Destroy();

            costs[i] = totals.Cost;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"iteration {i + 1} cost {totals.Cost:F4}"));
            centers = totals.NewCenters(centers);
        }
        return new KMeansResult(initial, costs, centers);
    }
}
