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
}
