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

    /// <summary>Whether to start the web UI (needs the <c>MiniSpark.UI</c> package). Default: false.</summary>
    public const string UiEnabled = "spark.ui.enabled";

    /// <summary>The web UI's first port to try; the next free one is taken when it is busy, 0 picks any. Default: 4040.</summary>
    public const string UiPort = "spark.ui.port";

    /// <summary>The address the web UI binds to. Default: <c>127.0.0.1</c> (this machine only).</summary>
    public const string UiHost = "spark.ui.host";

    /// <summary>How many further ports to try when the web UI's port is taken. Default: 16.</summary>
    public const string PortMaxRetries = "spark.port.maxRetries";

    /// <summary>Finished jobs the UI's status store remembers. Default: 1000.</summary>
    public const string UiRetainedJobs = "spark.ui.retainedJobs";

    /// <summary>Finished stage attempts the UI's status store remembers. Default: 1000.</summary>
    public const string UiRetainedStages = "spark.ui.retainedStages";

    /// <summary>Tasks per stage attempt the UI's status store remembers individually. Default: 100000.</summary>
    public const string UiRetainedTasks = "spark.ui.retainedTasks";

    /// <summary>Whether to write listener events to a JSON-lines event log. Default: false.</summary>
    public const string EventLogEnabled = "spark.eventLog.enabled";

    /// <summary>Directory of event logs, one file per application id. Default: <c>spark-events</c> under the temp directory.</summary>
    public const string EventLogDir = "spark.eventLog.dir";

    /// <summary>Regex of setting names whose values the UI, REST API and event log hide. Default: secrets, passwords, tokens, keys.</summary>
    public const string RedactionRegex = "spark.redaction.regex";
}
