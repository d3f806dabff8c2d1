using System.Globalization;
using System.Text.RegularExpressions;
using MiniSpark.Samples.KMeans;

namespace MiniSpark.Samples.Tests;

public sealed class KMeansTests
{
    private static readonly KMeansOptions Small = new()
    {
        Points = 6_000, K = 4, Iterations = 8, Seed = 7, Partitions = 4, Master = "local[2]",
    };

    [Theory]
    [InlineData(KMeansInitMode.Parallel)]
    [InlineData(KMeansInitMode.PlusPlus)]
    public void Run_GeneratedBlobs_CostNeverIncreasesAndMatchesLocalLloyd(KMeansInitMode init)
    {
        KMeansOptions options = Small with { Init = init };

        KMeansResult result = KMeansJob.Run(options, TextWriter.Null);

        Assert.Equal(options.Iterations, result.Costs.Length);
        for (int i = 1; i < result.Costs.Length; i++)
        {
            Assert.True(result.Costs[i] <= result.Costs[i - 1] * (1 + 1e-12),
                $"cost rose from {result.Costs[i - 1]} to {result.Costs[i]} at iteration {i + 1}");
        }
        (double[] costs, double[][] centers) = LocalLloyd([.. KMeansData.GenerateLocal(options)], result.InitialCenters, options.Iterations);
        AssertClose(costs, result.Costs);
        AssertCentersEqual(centers, result.Centers);
    }

    [Fact]
    public void Run_WellSeparatedBlobs_KMeansParallelFindsEveryBlob()
    {
        KMeansResult result = KMeansJob.Run(Small, TextWriter.Null);

        // Every blob has a final center within a fraction of sigma of its true center...
        foreach (double[] blob in KMeansData.BlobCenters(Small))
        {
            double nearest = result.Centers.Min(c => Math.Sqrt(SquaredDistance(c, blob)));
            Assert.True(nearest < 0.2 * KMeansData.Sigma, $"no center near blob {string.Join(",", blob)}: nearest at {nearest}");
        }
        // ...and the cost is what Gaussian noise alone gives: points × dimensions × sigma².
        double expected = Small.Points * Small.Dimensions * KMeansData.Sigma * KMeansData.Sigma;
        Assert.InRange(result.Costs[^1], 0.9 * expected, 1.1 * expected);
    }

    [Fact]
    public void Run_PrintsOneCostLinePerIterationThenTheCenters()
    {
        var output = new StringWriter();

        KMeansResult result = KMeansJob.Run(Small with { Iterations = 3 }, output);

        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3 + Small.K, lines.Length);
        for (int i = 0; i < 3; i++)
        {
            Match match = Regex.Match(lines[i], @"^iteration (\d+) cost (\d+\.\d{4})$");
            Assert.True(match.Success, lines[i]);
            Assert.Equal(i + 1, int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            Assert.Equal(result.Costs[i], double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), 1e-4);
        }
        for (int c = 0; c < Small.K; c++)
        {
            double[] printed = [.. lines[3 + c].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture))];
            Assert.Equal(result.Centers[c].Length, printed.Length);
            for (int d = 0; d < printed.Length; d++) Assert.Equal(result.Centers[c][d], printed[d], 1e-4);
        }
    }

    [Fact]
    public void Run_SameSeedOnDifferentSlotCounts_SameResult()
    {
        KMeansResult one = KMeansJob.Run(Small with { Master = "local[1]" }, TextWriter.Null);
        KMeansResult three = KMeansJob.Run(Small with { Master = "local[3]" }, TextWriter.Null);

        AssertCentersEqual(one.InitialCenters, three.InitialCenters);
        AssertClose(one.Costs, three.Costs);
    }

    [Fact]
    public void Run_CsvWithHeader_MatchesLocalLloydOnTheFile()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "points.csv");
        double[][] points = [.. KMeansData.GenerateLocal(Small with { Points = 2_000, K = 3, Dimensions = 3, Seed = 11 })];
        File.WriteAllLines(path, ["x,y,z", .. points.Select(p => string.Join(",", p.Select(x => x.ToString("R", CultureInfo.InvariantCulture))))]);
        KMeansOptions options = Small with { Input = path, K = 3, Iterations = 5, Init = KMeansInitMode.PlusPlus };

        KMeansResult result = KMeansJob.Run(options, TextWriter.Null);

        Assert.All(result.InitialCenters, c => Assert.Equal(3, c.Length));
        (double[] costs, double[][] centers) = LocalLloyd(points, result.InitialCenters, options.Iterations);
        AssertClose(costs, result.Costs);
        AssertCentersEqual(centers, result.Centers);
    }

    [Fact]
    public void Run_CsvWithABadLine_FailsNamingIt()
    {
        using var dir = new TempDirectory();
        string path = Path.Combine(dir.Path, "points.csv");
        File.WriteAllLines(path, ["1,2", "3,4", "5,six", "7,8"]);

        var error = Assert.Throws<SparkJobException>(() => KMeansJob.Run(Small with { Input = path, K = 2 }, TextWriter.Null));

        var cause = Assert.IsType<FormatException>(error.InnerException);
        Assert.Contains("'5,six'", cause.Message);
        Assert.Contains(path, cause.Message);
    }

    [Fact]
    public void Run_BadOptions_ThrowArgumentExceptionNamingTheSetting()
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => KMeansJob.Run(Small with { K = 0 }, TextWriter.Null));
        Assert.Equal("K", error.ParamName);
    }

    /// <summary>Lloyd's algorithm the plain way: one thread, LINQ, no MiniSpark.</summary>
    private static (double[] Costs, double[][] Centers) LocalLloyd(IReadOnlyList<double[]> points, double[][] initial, int iterations)
    {
        double[][] centers = [.. initial.Select(c => c.ToArray())];
        var costs = new List<double>();
        for (int iteration = 0; iteration < iterations; iteration++)
        {
            double[][] current = centers;
            var assigned = points.Select(p =>
            {
                double[] distances = [.. current.Select(c => SquaredDistance(p, c))];
                int best = Array.IndexOf(distances, distances.Min());
                return (Point: p, Cluster: best, Distance: distances[best]);
            }).ToList();
            costs.Add(assigned.Sum(a => a.Distance));
            centers = [.. current.Select((old, c) =>
            {
                var members = assigned.Where(a => a.Cluster == c).Select(a => a.Point).ToList();
                return members.Count == 0 ? old : Enumerable.Range(0, old.Length).Select(d => members.Average(m => m[d])).ToArray();
            })];
        }
        return ([.. costs], centers);
    }

    private static double SquaredDistance(double[] a, double[] b) => a.Zip(b, (x, y) => (x - y) * (x - y)).Sum();

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-9 * Math.Abs(expected[i]),
                $"at {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    private static void AssertCentersEqual(double[][] expected, double[][] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int c = 0; c < expected.Length; c++)
        {
            Assert.Equal(expected[c].Length, actual[c].Length);
            for (int d = 0; d < expected[c].Length; d++) Assert.Equal(expected[c][d], actual[c][d], 1e-9);
        }
    }
}
