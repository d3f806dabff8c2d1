namespace MiniSpark.Benchmarks;

/// <summary>The UI's and the event log's cost measured in pairs: one process, two contexts (both off; UI and event log
/// on), the same word count alternately on each (<see cref="PairedTimer"/>).</summary>
/// <remarks><c>dotnet run -c Release --project benchmarks/MiniSpark.Benchmarks -- --paired-observability [pairs]</c>.</remarks>
internal static class PairedOverhead
{
    /// <param name="pairs">How many pairs to measure.</param>
    /// <param name="control">An A/A control: the second context also has everything off, so the ratio shows what the
    /// harness itself contributes.</param>
    public static void Run(int pairs, bool control = false)
    {
        string[] lines = Corpus.Lines(1_000_000);
        string events = Directory.CreateTempSubdirectory("minispark-paired-events-").FullName;
        using var off = new SparkContext(new SparkConf().SetMaster("local[*]").SetAppName("paired-off"));
        var onConf = new SparkConf().SetMaster("local[*]").SetAppName("paired-on");
        if (!control)
        {
            onConf.Set(ConfigKeys.UiEnabled, "true").Set(ConfigKeys.UiPort, "0")
                .Set(ConfigKeys.EventLogEnabled, "true").Set(ConfigKeys.EventLogDir, events);
        }
        using var on = new SparkContext(onConf);
        Rdd<string> offRdd = off.Parallelize(lines, off.DefaultParallelism * 2);
        Rdd<string> onRdd = on.Parallelize(lines, on.DefaultParallelism * 2);

        PairedTimer.Compare("off", () => PairedWordCount.MiniSpark(offRdd), "on", () => PairedWordCount.MiniSpark(onRdd), pairs);
        off.Stop();
        on.Stop();
        Directory.Delete(events, recursive: true);
    }
}
