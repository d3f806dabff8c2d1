namespace MiniSpark.Ui;

// Immutable snapshots the status store hands out: what the UI pages, the REST API and tests read.
// Times are whole milliseconds, like an event log's, so a replayed log gives the same snapshots as the live run.

/// <summary>Where a job is.</summary>
internal enum JobStatus { Running, Succeeded, Failed }

/// <summary>Where a stage attempt is; a stage no attempt ran is pending while a job waits for it, else skipped.</summary>
internal enum StageStatus { Active, Complete, Failed, Pending, Skipped }

/// <summary>Where a task attempt is.</summary>
internal enum TaskAttemptStatus { Running, Success, Failed, Killed }

/// <summary>The application: identity and lifetime.</summary>
internal sealed record ApplicationSnapshot(string Id, string Name, string User, string Master, DateTimeOffset StartTime,
    DateTimeOffset? EndTime, DateTimeOffset LastUpdated)
{
    public bool Completed => EndTime is not null;
}

/// <summary>Sums or single values of the task counters MiniSpark measures.</summary>
internal readonly record struct MetricValues(long DurationMs, long RecordsRead, long RecordsWritten, long ShuffleBytesRead,
    long ShuffleBytesWritten, long MemoryBytesSpilled, long DiskBytesSpilled, long PeakExecutionMemory)
{
    public static MetricValues From(TaskMetrics metrics) => new(
        (long)metrics.Duration.TotalMilliseconds, metrics.RecordsRead, metrics.RecordsWritten, metrics.ShuffleBytesRead,
        metrics.ShuffleBytesWritten, metrics.MemoryBytesSpilled, metrics.DiskBytesSpilled, metrics.PeakExecutionMemory);

    public static MetricValues operator +(MetricValues a, MetricValues b) => new(
        a.DurationMs + b.DurationMs, a.RecordsRead + b.RecordsRead, a.RecordsWritten + b.RecordsWritten,
        a.ShuffleBytesRead + b.ShuffleBytesRead, a.ShuffleBytesWritten + b.ShuffleBytesWritten,
        a.MemoryBytesSpilled + b.MemoryBytesSpilled, a.DiskBytesSpilled + b.DiskBytesSpilled,
        Math.Max(a.PeakExecutionMemory, b.PeakExecutionMemory));
}

/// <summary>One job with task and stage counts over the stages it ran.</summary>
internal sealed record JobSnapshot(int JobId, string Name, string Description, string? JobGroup, DateTimeOffset SubmissionTime,
    DateTimeOffset? CompletionTime, JobStatus Status, string? FailureReason, IReadOnlyList<int> StageIds,
    int NumTasks, int NumActiveTasks, int NumCompletedTasks, int NumSkippedTasks, int NumFailedTasks, int NumKilledTasks,
    int NumActiveStages, int NumCompletedStages, int NumSkippedStages, int NumFailedStages);

/// <summary>One attempt of a stage (or a stage no attempt ran: pending or skipped, attempt 0).</summary>
internal sealed record StageSnapshot(int StageId, int AttemptId, string Name, StageStatus Status, bool IsShuffleMap, int NumTasks,
    int NumActiveTasks, int NumCompleteTasks, int NumFailedTasks, int NumKilledTasks, DateTimeOffset? SubmissionTime,
    DateTimeOffset? FirstTaskLaunchedTime, DateTimeOffset? CompletionTime, string? FailureReason, MetricValues Totals,
    IReadOnlyList<int> JobIds, IReadOnlyList<int> ParentIds, IReadOnlyList<RddInfo> RddInfos);

/// <summary>One task attempt.</summary>
internal sealed record TaskSnapshot(long TaskId, int Index, int Attempt, DateTimeOffset LaunchTime, DateTimeOffset? FinishTime,
    TaskAttemptStatus Status, string? ErrorMessage, MetricValues? Metrics)
{
    public long? DurationMs => Metrics?.DurationMs;
}

/// <summary>Quantiles of the metrics of a stage attempt's successful tasks, one array entry per quantile.</summary>
internal sealed record TaskSummary(IReadOnlyList<double> Quantiles, int TaskCount, double[] Duration, double[] RecordsRead,
    double[] RecordsWritten, double[] ShuffleBytesRead, double[] ShuffleBytesWritten, double[] MemoryBytesSpilled,
    double[] DiskBytesSpilled, double[] PeakExecutionMemory)
{
    /// <summary>The summary of no tasks: zeros (a pending or skipped stage).</summary>
    public static TaskSummary Empty(IReadOnlyList<double> quantiles)
    {
        double[] zeros = new double[quantiles.Count];
        return new TaskSummary(quantiles, 0, zeros, zeros, zeros, zeros, zeros, zeros, zeros, zeros);
    }
}
