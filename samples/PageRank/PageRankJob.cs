using System.Globalization;

namespace MiniSpark.Samples.PageRank;

/// <summary>What one run computed.</summary>
/// <param name="Ranks">The rank of every page that has one after the last iteration.</param>
/// <param name="Top">The best-ranked pages, rank descending, then page ascending.</param>
/// <param name="Checkpoints">How many times the ranks were checkpointed (and their lineage cut).</param>
/// <param name="Lineage">The final ranks' lineage (<see cref="Rdd.ToDebugString"/>): it starts at the last checkpoint.</param>
public sealed record PageRankResult(IReadOnlyDictionary<int, double> Ranks, (int Page, double Rank)[] Top, int Checkpoints,
    string Lineage);

/// <summary>PageRank as in Spark's examples: an iterative join of the (cached, hash-partitioned) links with the ranks.</summary>
/// <remarks>
/// <para>Each iteration joins the links with the ranks, spreads each page's rank evenly over its links (FlatMap),
/// sums the contributions per page (ReduceByKey) and damps them: <c>0.15 + 0.85 × sum</c>. As in Spark's example,
/// a page with no incoming contribution drops out of the ranks, and so do its links' contributions.</para>
/// <para>The links are partitioned once with a <see cref="HashPartitioner"/> and cached; the ranks are reduced with
/// the same partitioner, so every join reads both sides narrowly and only the contributions are shuffled. Every
/// <see cref="PageRankOptions.CheckpointInterval"/> iterations the ranks are cached and checkpointed, which cuts
/// their lineage (otherwise one join and one shuffle longer per iteration).</para>
/// </remarks>
public static class PageRankJob
{
    /// <summary>Runs PageRank as <paramref name="options"/> say in a context of its own; writes the top pages as
    /// <c>page&lt;TAB&gt;rank</c> lines to <paramref name="output"/>. Checkpoints go to a temporary folder deleted
    /// at the end.</summary>
    public static PageRankResult Run(PageRankOptions options, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        options.Validate();
        (int Page, int Target)[] edges = PageRankGraph.Generate(options);

        string checkpointDir = Path.Combine(Path.GetTempPath(), "minispark-pagerank-" + Guid.NewGuid().ToString("N"));
        try
        {
            var conf = new SparkConf()
                .SetMaster(options.Master)
                .SetAppName("page-rank")
                .Set(ConfigKeys.ShowConsoleProgress, options.ShowProgress ? "true" : "false");
            using var sc = new SparkContext(conf);
            sc.SetCheckpointDir(checkpointDir);

            var partitioner = new HashPartitioner(options.Partitions);
            Rdd<(int Page, IReadOnlyList<int> Targets)> links = sc.Parallelize(edges, options.Partitions)
                .Distinct()
                .GroupByKey(partitioner)
                .SetName("links")
                .Cache();

            Rdd<(int Page, double Rank)> ranks = links.MapValues(_ => 1.0);
            Rdd<(int Page, double Rank)>? checkpointed = null;
            int checkpoints = 0;
            for (int i = 1; i <= options.Iterations; i++)
            {
                ranks = links.Join(ranks)
                    .Values()
                    .FlatMap(pair => Contributions(pair.Left, pair.Right))
                    .ReduceByKey(partitioner, (a, b) => a + b)
                    .MapValues(sum => 0.15 + 0.85 * sum)
                    .SetName($"ranks {i}");
                if (i % options.CheckpointInterval == 0)
                {
                    ranks.Cache().Checkpoint();
                    ranks.Count(); // runs the job that writes the checkpoint; later iterations start from its files
                    checkpointed?.Unpersist();
                    checkpointed = ranks;
                    checkpoints++;
                }
            }

            (int Page, double Rank)[] top = ranks.TakeOrdered(options.Top, ByRankThenPage.Instance);
            Dictionary<int, double> all = ranks.Collect().ToDictionary(r => r.Page, r => r.Rank);
            foreach ((int page, double rank) in top)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{page}\t{rank:F6}"));
            }
            return new PageRankResult(all, top, checkpoints, ranks.ToDebugString());
        }
        finally
        {
            // The context is stopped (disposed) before this runs: no checkpoint file is still being written.
            if (Directory.Exists(checkpointDir)) Directory.Delete(checkpointDir, recursive: true);
        }
    }

    private static IEnumerable<(int Page, double Contribution)> Contributions(IReadOnlyList<int> targets, double rank)
    {
        double share = rank / targets.Count;
        foreach (int target in targets) yield return (target, share);
    }

    /// <summary>Rank descending, then page ascending.</summary>
    private sealed class ByRankThenPage : IComparer<(int Page, double Rank)>
    {
        public static ByRankThenPage Instance { get; } = new();

        public int Compare((int Page, double Rank) x, (int Page, double Rank) y)
        {
            int byRank = y.Rank.CompareTo(x.Rank);
            return byRank != 0 ? byRank : x.Page.CompareTo(y.Page);
        }
    }
}
