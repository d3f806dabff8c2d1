namespace MiniSpark.Output;

/// <summary>A file format's writer: turns the records of one partition into the bytes of one part file.</summary>
/// <remarks>
/// The commit protocol (<see cref="FileOutput"/>) owns everything else: where the file is, retries, task and job
/// commit, cleanup. An implementation holds no per-task state, so one instance serves every task of a save.
/// </remarks>
/// <typeparam name="T">The record type.</typeparam>
internal interface IPartitionWriter<in T>
{
    /// <summary>The part files' extension with its dot (<c>.csv</c>), or empty.</summary>
    string Extension { get; }

    /// <summary>Writes every record to <paramref name="output"/>, then flushes what it buffered.</summary>
    /// <param name="records">The partition's records; enumerate once. Cancellation is checked by the caller's enumerator.</param>
    /// <param name="output">The part file, positioned at 0; the caller disposes it (leave it open).</param>
    /// <param name="context">The running task.</param>
    void Write(IEnumerable<T> records, Stream output, TaskContext context);
}
