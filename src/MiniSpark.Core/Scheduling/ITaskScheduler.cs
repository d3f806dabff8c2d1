namespace MiniSpark.Scheduling;

/// <summary>Runs task sets: attempts, retries and slots. The DAG scheduler decides what; this decides how.</summary>
internal interface ITaskScheduler : IDisposable
{
    void Start(ITaskEventSink sink);

    void Submit(TaskSet taskSet);

    /// <summary>Stops the stage's running and queued tasks; they end as killed, without retries.</summary>
    void KillTaskSet(int stageId, string reason);
}

/// <summary>Where task outcomes go (the DAG scheduler); may be called from any thread.</summary>
internal interface ITaskEventSink
{
    void TaskStarted(SchedulerTask task, TaskAttempt attempt);

    void TaskEnded(SchedulerTask task, TaskAttempt attempt, TaskOutcome outcome);

    /// <summary>A task failed its last allowed attempt; the stage cannot complete.</summary>
    void TaskSetFailed(TaskSet taskSet, SchedulerTask task, int attempts, Exception error);
}

/// <summary>Identity of one attempt of a task.</summary>
internal readonly record struct TaskAttempt(long TaskAttemptId, int AttemptNumber);

/// <summary>How an attempt ended.</summary>
internal sealed record TaskOutcome(TaskOutcomeKind Kind, object? Result, Exception? Error, TaskMetrics Metrics)
{
    /// <summary>The task's private accumulator copies, merged by the scheduler when the success counts.</summary>
    public IReadOnlyDictionary<Accumulator, Accumulator>? AccumulatorUpdates { get; init; }

    public static TaskOutcome Success(object? result, TaskMetrics metrics,
        IReadOnlyDictionary<Accumulator, Accumulator>? accumulatorUpdates = null) =>
        new(TaskOutcomeKind.Success, result, null, metrics) { AccumulatorUpdates = accumulatorUpdates };
    public static TaskOutcome Failure(Exception error, TaskMetrics metrics) => new(TaskOutcomeKind.Failed, null, error, metrics);
    public static TaskOutcome Killed(Exception error, TaskMetrics metrics) => new(TaskOutcomeKind.Killed, null, error, metrics);
}

internal enum TaskOutcomeKind { Success, Failed, Killed }
