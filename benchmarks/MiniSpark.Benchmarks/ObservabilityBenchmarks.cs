using BenchmarkDotNet.Attributes;

namespace MiniSpark.Benchmarks;

/// <summary>What the web UI and the event log cost: the word count of <see cref="WordCountBenchmarks"/> (the 5% budget),
/// and 100 empty tasks (the per-task cost of the events, the worst case), with both off and both on.</summary>
/// <remarks>Off is the default: with no listener the scheduler posts no event at all. On: the status store and the
/// event log writer receive every event on the listener thread, Kestrel listens on a free port.</remarks>
[MemoryDiagnoser]
public class ObservabilityBenchmarks
{
    private string[] _lines = [];
    private string _eventLogDir = "";
    private SparkContext _sc = null!;
    private Rdd<string> _rdd = null!;
    private Rdd<int> _hundredPartitions = null!;

    [Params("off", "ui+eventlog")]
    public string Observability { get; set; } = "off";

    [GlobalSetup]
    public void Setup()
    {
        _lines = Corpus.Lines(1_000_000);
        var conf = new SparkConf().SetMaster("local[*]").SetAppName("observability-benchmark");
        if (Observability != "off")
        {
            _eventLogDir = Directory.CreateTempSubdirectory("minispark-bench-events-").FullName;
            conf.Set(ConfigKeys.UiEnabled, "true").Set(ConfigKeys.UiPort, "0")
                .Set(ConfigKeys.EventLogEnabled, "true").Set(ConfigKeys.EventLogDir, _eventLogDir);
        }
        _sc = new SparkContext(conf);
        _rdd = _sc.Parallelize(_lines, _sc.DefaultParallelism * 2);
        _hundredPartitions = _sc.Parallelize(Array.Empty<int>(), 100);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _sc.Stop();
        if (_eventLogDir.Length > 0) Directory.Delete(_eventLogDir, recursive: true);
    }

    [Benchmark(Description = "word count (1M lines)")]
    public int WordCount() =>
        _rdd.FlatMap(l => l.Split(' ')).Map(w => (w, 1)).ReduceByKey((a, b) => a + b).Collect().Length;

    [Benchmark(Description = "empty task (job of 100)", OperationsPerInvoke = 100)]
    public long EmptyTask() => _hundredPartitions.Count();
}
