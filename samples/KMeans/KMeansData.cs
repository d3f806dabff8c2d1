using System.Globalization;

namespace MiniSpark.Samples.KMeans;

/// <summary>The points: Gaussian blobs generated from the seed, or read from a CSV file.</summary>
public static class KMeansData
{
    /// <summary>Points per generated block; each block has its own generator, so the data does not depend on the
    /// partition count.</summary>
    public const int BlockSize = 1024;

    /// <summary>Centers of the generated blobs are uniform in <c>[-Spread, Spread]</c> per coordinate.</summary>
    public const double Spread = 10;

    /// <summary>Standard deviation of every blob, per coordinate.</summary>
    public const double Sigma = 1;

    /// <summary>The centers the blobs are drawn around, at least <c>6σ</c> apart when space allows.</summary>
    public static double[][] BlobCenters(KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var random = new Random(Seeds.Derive(options.Seed, -1));
        var centers = new double[options.K][];
        for (int c = 0; c < centers.Length; c++)
        {
            // Redraw a center that lands near an earlier one (a few times at most: many clusters may not fit), so
            // the blobs are mostly told apart and the clustering has a clear answer.
            for (int attempt = 0; attempt < 100 && (centers[c] is null || TooClose(centers, c)); attempt++)
            {
                centers[c] = new double[options.Dimensions];
                for (int i = 0; i < options.Dimensions; i++) centers[c][i] = (random.NextDouble() * 2 - 1) * Spread;
            }
        }
        return centers;
    }

    private static bool TooClose(double[][] centers, int c)
    {
        const double minimumDistance = 6 * Sigma;
        for (int other = 0; other < c; other++)
        {
            if (Vectors.SquaredDistance(centers[c], centers[other]) < minimumDistance * minimumDistance) return true;
        }
        return false;
    }

    /// <summary>The generated points as a dataset: blocks spread over <see cref="KMeansOptions.Partitions"/>
    /// partitions, each block generated inside its task.</summary>
    public static Rdd<double[]> Generate(SparkContext sc, KMeansOptions options)
    {
        ArgumentNullException.ThrowIfNull(sc);
        double[][] centers = BlobCenters(options);
        int blocks = BlockCount(options.Points);
        int points = options.Points;
        long seed = options.Seed;
        return sc.Parallelize(Enumerable.Range(0, blocks), Math.Min(options.Partitions, blocks))
            .FlatMap(block => GenerateBlock(block, points, centers, seed))
            .SetName("points");
    }

    /// <summary>The same points as <see cref="Generate"/>, in the same order, computed locally (for checks).</summary>
    public static IEnumerable<double[]> GenerateLocal(KMeansOptions options)
    {
        double[][] centers = BlobCenters(options);
        for (int block = 0; block < BlockCount(options.Points); block++)
        {
            foreach (double[] point in GenerateBlock(block, options.Points, centers, options.Seed)) yield return point;
        }
    }

    private static int BlockCount(int points) => (points + BlockSize - 1) / BlockSize;

    private static IEnumerable<double[]> GenerateBlock(int block, int totalPoints, double[][] centers, long seed)
    {
        var random = new Random(Seeds.Derive(seed, block));
        int count = Math.Min(BlockSize, totalPoints - block * BlockSize);
        for (int n = 0; n < count; n++)
        {
            double[] center = centers[random.Next(centers.Length)];
            var point = new double[center.Length];
            for (int i = 0; i < point.Length; i++) point[i] = center[i] + Sigma * NextGaussian(random);
            yield return point;
        }
    }

    /// <summary>Box–Muller: one standard normal draw from two uniform ones.</summary>
    private static double NextGaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble(); // (0, 1]: the logarithm stays finite
        double u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Points from CSV text: one per line, comma-separated numbers (invariant culture); blank lines are
    /// skipped, and so is a header, the first line of the first file when it is not numeric.</summary>
    public static Rdd<double[]> ReadCsv(SparkContext sc, string path, int minPartitions)
    {
        ArgumentNullException.ThrowIfNull(sc);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return sc.TextFile(path, minPartitions)
            .MapPartitionsWithIndex((index, lines) => ParseLines(path, index, lines))
            .SetName("points");
    }

    /// <summary>Parses one line; false when a field is not a number.</summary>
    public static bool TryParsePoint(string line, out double[] point)
    {
        ArgumentNullException.ThrowIfNull(line);
        ReadOnlySpan<char> text = line.AsSpan();
        int fields = text.Count(',') + 1;
        point = new double[fields];
        int i = 0;
        foreach (Range range in text.Split(','))
        {
            if (!double.TryParse(text[range].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out point[i++]))
            {
                point = [];
                return false;
            }
        }
        return true;
    }

    private static IEnumerable<double[]> ParseLines(string path, int partition, IEnumerable<string> lines)
    {
        bool first = partition == 0;
        foreach (string line in lines)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            bool mayBeHeader = first;
            first = false;
            if (TryParsePoint(line, out double[] point)) yield return point;
            else if (!mayBeHeader)
            {
                throw new FormatException(
                    $"{path} (partition {partition}): '{Shorten(line)}' is not a point: expected comma-separated numbers.");
            }
        }
    }

    private static string Shorten(string line) => line.Length <= 80 ? line : line[..77] + "...";
}
