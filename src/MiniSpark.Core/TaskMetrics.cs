namespace MiniSpark;

/// <summary>Counters of one task attempt, carried by <see cref="SparkListenerTaskEnd"/>.</summary>
/// <remarks>Written only by the task's own thread while it runs; read after it ends.</remarks>
public sealed class TaskMetrics
{
    /// <summary>Wall-clock time the attempt ran.</summary>
    public TimeSpan Duration { get; internal set; }

    /// <summary>Records read from sources and shuffle inputs.</summary>
    public long RecordsRead { get; internal set; }

    /// <summary>Records written to shuffle outputs or sinks.</summary>
    public long RecordsWritten { get; internal set; }

    /// <summary>Estimated bytes fetched from shuffle outputs.</summary>
    public long ShuffleBytesRead { get; internal set; }

    /// <summary>Estimated bytes written to shuffle outputs.</summary>
    public long ShuffleBytesWritten { get; internal set; }

    /// <summary>In-memory size of the data spilled to disk.</summary>
    public long MemoryBytesSpilled { get; internal set; }

    /// <summary>Bytes of spill files written.</summary>
    public long DiskBytesSpilled { get; internal set; }

    /// <summary>The largest execution memory the attempt held at once.</summary>
    public long PeakExecutionMemory { get; internal set; }

    internal void AddRecordsRead(long count) => RecordsRead += count;

    internal void AddRecordsWritten(long count) => RecordsWritten += count;
}
