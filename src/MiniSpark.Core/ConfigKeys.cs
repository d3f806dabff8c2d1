namespace MiniSpark;

/// <summary>The configuration keys MiniSpark reads; see docs/configuration.md for meanings and defaults.</summary>
public static class ConfigKeys
{
    /// <summary>Partitions when an operation is not told how many. Default: the master's slots.</summary>
    public const string DefaultParallelism = "spark.default.parallelism";

    /// <summary>Attempts per task before its job fails. Default: 1, or F of <c>local[N,F]</c>.</summary>
    public const string TaskMaxFailures = "spark.task.maxFailures";

    /// <summary>Bytes for cached blocks plus shuffle and aggregation buffers (<c>64m</c>, <c>2g</c>). Default: 60% of available memory.</summary>
    public const string MemoryMaxBytes = "spark.memory.maxBytes";

    /// <summary>Share of the memory budget protected for cached blocks. Default: 0.5.</summary>
    public const string MemoryStorageFraction = "spark.memory.storageFraction";

    /// <summary>Directory for spill files, disk blocks and shuffle files. Default: a fresh folder under the temp directory.</summary>
    public const string LocalDir = "spark.local.dir";

    /// <summary>Whether to show a console progress bar for long stages. Default: false.</summary>
    public const string ShowConsoleProgress = "spark.ui.showConsoleProgress";

    /// <summary>Whether stragglers get a speculative copy once most of their stage is done. Default: false.</summary>
    public const string Speculation = "spark.speculation";

    /// <summary>How often to look for stragglers (<c>100ms</c>, <c>1s</c>). Default: 100ms.</summary>
    public const string SpeculationInterval = "spark.speculation.interval";

    /// <summary>Share of a stage's tasks that must be done before speculating. Default: 0.75.</summary>
    public const string SpeculationQuantile = "spark.speculation.quantile";

    /// <summary>How many times slower than the median a task must be to get a copy. Default: 1.5.</summary>
    public const string SpeculationMultiplier = "spark.speculation.multiplier";

    /// <summary>The least a task must have run before it can get a copy. Default: 100ms.</summary>
    public const string SpeculationMinTaskRuntime = "spark.speculation.minTaskRuntime";

    /// <summary>Bad-record skipping (opt-in): records a retried task may skip when a record-level function (Map, Filter,
    /// FlatMap, MapValues, FlatMapValues, KeyBy) fails on them with the same exception as the previous attempt. Default: 0 (off).</summary>
    public const string SkipBadRecords = "spark.task.skipBadRecords";

    /// <summary>Bytes of Parquet row groups or Arrow batches grouped into one partition when reading. Default: 32m.</summary>
    public const string FilesMaxPartitionBytes = "spark.files.maxPartitionBytes";
}
