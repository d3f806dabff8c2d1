namespace MiniSpark.Output;

/// <summary>Where one task attempt writes: its own directory under <c>_temporary</c>, and the part file in it.</summary>
/// <param name="Partition">The partition the attempt computes; it alone names the part file.</param>
/// <param name="AttemptId">The attempt's <see cref="TaskContext.TaskAttemptId"/>, unique within the context.</param>
/// <param name="DirectoryPath">The attempt directory, renamed as a whole when the attempt commits.</param>
/// <param name="FilePath">The part file the format writes.</param>
internal sealed record TaskAttemptOutput(int Partition, long AttemptId, string DirectoryPath, string FilePath);

/// <summary>How a task attempt's commit ended.</summary>
internal enum TaskCommitStatus
{
    /// <summary>This attempt's output is the partition's output.</summary>
    Committed,

    /// <summary>Another attempt committed the partition first (or the save is over): this attempt's files were deleted.</summary>
    Denied,
}
