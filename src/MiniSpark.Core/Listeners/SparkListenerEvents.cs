namespace MiniSpark;

/// <summary>Base of every event on the listener bus.</summary>
public abstract record SparkListenerEvent
{
    /// <summary>When the event happened.</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;

    internal abstract void Dispatch(ISparkListener listener);
}

/// <summary>A job was submitted.</summary>
/// <param name="JobId">The job.</param>
/// <param name="StageInfos">Every stage the job needs, including ones it will skip because their output exists.</param>
/// <param name="JobGroup">The group set with <see cref="SparkContext.SetJobGroup"/>, if any.</param>
/// <param name="Description">The job group's description, or the action that started the job.</param>
public sealed record SparkListenerJobStart(int JobId, IReadOnlyList<StageInfo> StageInfos, string? JobGroup, string Description)
    : SparkListenerEvent
{
    /// <summary>The ids of <see cref="StageInfos"/>.</summary>
    public IReadOnlyList<int> StageIds => [.. StageInfos.Select(s => s.StageId)];

    internal override void Dispatch(ISparkListener listener) => listener.OnJobStart(this);
}

/// <summary>A job ended.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Succeeded">Whether every task of the job succeeded.</param>
/// <param name="Exception">Why it failed (a <see cref="SparkJobException"/> or <see cref="OperationCanceledException"/>); null on success.</param>
public sealed record SparkListenerJobEnd(int JobId, bool Succeeded, Exception? Exception) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) => listener.OnJobEnd(this);
}

/// <summary>A stage was submitted.</summary>
public sealed record SparkListenerStageSubmitted(StageInfo StageInfo) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) => listener.OnStageSubmitted(this);
}

/// <summary>A stage completed or failed.</summary>
public sealed record SparkListenerStageCompleted(StageInfo StageInfo) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) => listener.OnStageCompleted(this);
}

/// <summary>A task attempt started.</summary>
/// <param name="StageId">The task's stage.</param>
/// <param name="StageAttemptNumber">The stage attempt the task belongs to.</param>
/// <param name="PartitionId">The partition the task computes.</param>
/// <param name="AttemptNumber">0 for the first attempt of this partition, 1 for the first retry, ...</param>
/// <param name="TaskAttemptId">Unique id of this attempt.</param>
public sealed record SparkListenerTaskStart(int StageId, int StageAttemptNumber, int PartitionId, int AttemptNumber,
    long TaskAttemptId) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) => listener.OnTaskStart(this);
}

/// <summary>A task attempt ended.</summary>
/// <param name="StageId">The task's stage.</param>
/// <param name="StageAttemptNumber">The stage attempt the task belongs to.</param>
/// <param name="PartitionId">The partition the task computed.</param>
/// <param name="AttemptNumber">0 for the first attempt of this partition, 1 for the first retry, ...</param>
/// <param name="TaskAttemptId">Unique id of this attempt.</param>
/// <param name="Successful">Whether the attempt succeeded.</param>
/// <param name="Killed">Whether the attempt was stopped by cancellation rather than failing.</param>
/// <param name="Exception">The attempt's error; null when it succeeded.</param>
/// <param name="Metrics">The attempt's counters.</param>
public sealed record SparkListenerTaskEnd(int StageId, int StageAttemptNumber, int PartitionId, int AttemptNumber,
    long TaskAttemptId, bool Successful, bool Killed, Exception? Exception, TaskMetrics Metrics) : SparkListenerEvent
{
    internal override void Dispatch(ISparkListener listener) => listener.OnTaskEnd(this);
}
