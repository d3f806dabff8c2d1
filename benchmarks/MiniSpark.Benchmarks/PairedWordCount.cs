namespace MiniSpark.Benchmarks;

/// <summary>Word count, MiniSpark (all slots) against the expert's PLINQ, in interleaved pairs in one process
/// (<see cref="PairedTimer"/>): the ratio the word-count goal is about, robust to a shared machine's drifting load.</summary>
/// <remarks><c>dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --paired-word-count [pairs]</c>.
/// The code on both sides is the code of <see cref="WordCountBenchmarks"/>.</remarks>
internal static class PairedWordCount
{
    public static void Run(int pairs)
    {
        string[] lines = Corpus.Lines(1_000_000);
        using var sc = new SparkContext("local[*]", "paired-word-count");
        Rdd<string> rdd = sc.Parallelize(lines, Math.Max(4, sc.DefaultParallelism * 2));
        PairedTimer.Compare("expert PLINQ", () => WordCountBenchmarks.Expert(lines), "MiniSpark", () => MiniSpark(rdd), pairs);
    }

    /// <summary>The word count every MiniSpark side runs; fails when it finds no words.</summary>
    public static void MiniSpark(Rdd<string> lines)
    {
        if (WordCountBenchmarks.Count(lines) == 0) throw new InvalidOperationException("no words");
    }
}
