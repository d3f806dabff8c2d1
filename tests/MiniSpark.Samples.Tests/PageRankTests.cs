using System.Globalization;
using System.Text.RegularExpressions;
using MiniSpark.Samples.PageRank;

namespace MiniSpark.Samples.Tests;

public sealed class PageRankTests
{
    private static readonly PageRankOptions Small = new()
    {
        Pages = 600, LinksPerPage = 5, Iterations = 12, Seed = 3, Partitions = 4, CheckpointInterval = 5, Master = "local[2]",
    };

    [Fact]
    public void Run_SmallGraph_RanksMatchLinqPowerIteration()
    {
        PageRankResult result = PageRankJob.Run(Small, TextWriter.Null);

        Dictionary<int, double> expected = LinqPageRank(PageRankGraph.Generate(Small), Small.Iterations);
        Assert.Equal(expected.Keys.Order(), result.Ranks.Keys.Order());
        foreach ((int page, double rank) in expected)
        {
            Assert.True(Math.Abs(rank - result.Ranks[page]) <= 1e-9, $"page {page}: expected {rank:R}, got {result.Ranks[page]:R}");
        }
        Assert.Equal(2, result.Checkpoints); // iterations 5 and 10
        // The lineage was cut at iteration 10: it reads that checkpoint, and no earlier ranks.
        Assert.Contains("ReliableCheckpointRdd", result.Lineage);
        int[] iterationsInLineage = [.. Regex.Matches(result.Lineage, @"ranks (\d+) ").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];
        Assert.Equal([10, 11, 12], iterationsInLineage.Distinct().Order());
    }

    [Fact]
    public void Run_PrintsTheTopPagesByRankAsPageTabRank()
    {
        var output = new StringWriter();

        PageRankResult result = PageRankJob.Run(Small with { Iterations = 10 }, output);

        Dictionary<int, double> expected = LinqPageRank(PageRankGraph.Generate(Small), 10);
        int[] expectedTop = [.. expected.OrderByDescending(r => r.Value).ThenBy(r => r.Key).Take(10).Select(r => r.Key)];
        string[] lines = output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(10, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            string[] fields = lines[i].Split('\t');
            Assert.Equal(2, fields.Length);
            Assert.Equal(expectedTop[i], int.Parse(fields[0], CultureInfo.InvariantCulture));
            Assert.Equal(expected[expectedTop[i]], double.Parse(fields[1], CultureInfo.InvariantCulture), 1e-6);
        }
        Assert.Equal(expectedTop, result.Top.Select(t => t.Page));
    }

    [Fact]
    public void Run_FewerIterationsThanTheInterval_NeverCheckpoints()
    {
        PageRankResult result = PageRankJob.Run(Small with { Iterations = 3 }, TextWriter.Null);

        Assert.Equal(0, result.Checkpoints);
        Dictionary<int, double> expected = LinqPageRank(PageRankGraph.Generate(Small), 3);
        Assert.All(expected, r => Assert.Equal(r.Value, result.Ranks[r.Key], 1e-9));
    }

    [Fact]
    public void Generate_SameSeed_SameGraphWithoutSelfLinks()
    {
        (int Page, int Target)[] first = PageRankGraph.Generate(Small);

        Assert.Equal(first, PageRankGraph.Generate(Small));
        Assert.DoesNotContain(first, l => l.Page == l.Target);
        Assert.NotEqual(first, PageRankGraph.Generate(Small with { Seed = 4 }));
    }

    /// <summary>Spark's example PageRank the plain way: dictionaries, one thread.</summary>
    private static Dictionary<int, double> LinqPageRank((int Page, int Target)[] edges, int iterations)
    {
        Dictionary<int, int[]> links = edges.Distinct()
            .GroupBy(e => e.Page, e => e.Target)
            .ToDictionary(g => g.Key, g => g.ToArray());
        Dictionary<int, double> ranks = links.Keys.ToDictionary(page => page, _ => 1.0);
        for (int i = 0; i < iterations; i++)
        {
            ranks = ranks.Where(r => links.ContainsKey(r.Key))
                .SelectMany(r => links[r.Key].Select(target => (Target: target, Share: r.Value / links[r.Key].Length)))
                .GroupBy(c => c.Target, c => c.Share)
                .ToDictionary(g => g.Key, g => 0.15 + 0.85 * g.Sum());
        }
        return ranks;
    }
}
