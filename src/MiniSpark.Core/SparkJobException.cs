namespace MiniSpark;

/// <summary>A job failed: a task failed every attempt it was allowed.</summary>
/// <remarks>The message names the job, stage, partition and attempt count; <see cref="Exception.InnerException"/>
/// is the exception of the last attempt, usually thrown by user code.</remarks>
public sealed class SparkJobException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    public SparkJobException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the cause.</summary>
    public SparkJobException(string message, Exception? innerException) : base(message, innerException) { }

    internal SparkJobException(string message, Exception innerException, int jobId, int stageId, int partitionId, int attempts)
        : base(message, innerException)
    {
        JobId = jobId;
        StageId = stageId;
        PartitionId = partitionId;
        Attempts = attempts;
    }

    /// <summary>The failed job; -1 when unknown.</summary>
    public int JobId { get; } = -1;

    /// <summary>The stage of the failing task; -1 when unknown.</summary>
    public int StageId { get; } = -1;

    /// <summary>The partition of the failing task; -1 when unknown.</summary>
    public int PartitionId { get; } = -1;

    /// <summary>How many times the task was attempted.</summary>
    public int Attempts { get; }
}
