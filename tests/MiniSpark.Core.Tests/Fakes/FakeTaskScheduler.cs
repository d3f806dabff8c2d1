using MiniSpark.Scheduling;

namespace MiniSpark.Tests.Fakes;

/// <summary>Records task sets; the test decides when and how each task runs (inline, on the test thread).</summary>
internal sealed class FakeTaskScheduler : ITaskScheduler
{
    private ITaskEventSink? _sink;
    private long _nextAttemptId;

    public List<TaskSet> Submitted { get; } = [];
    public List<int> KilledStages { get; } = [];

    public void Start(ITaskEventSink sink) => _sink = sink;

    public void Submit(TaskSet taskSet) => Submitted.Add(taskSet);

    public void KillTaskSet(int stageId, string reason) => KilledStages.Add(stageId);

    /// <summary>Runs every task of <paramref name="taskSet"/> for real and reports success.</summary>
    public void RunAll(TaskSet taskSet)
    {
        foreach (SchedulerTask task in taskSet.Tasks) Run(task);
    }

    public void Run(SchedulerTask task, int attemptNumber = 0)
    {
        var attempt = new TaskAttempt(_nextAttemptId++, attemptNumber);
        var context = new TaskContext(task.StageId, task.StageAttempt, task.PartitionId, attemptNumber, attempt.TaskAttemptId, default);
        _sink!.TaskStarted(task, attempt);
        object? result;
        using (context.Enter()) result = task.Run(context);
        _sink.TaskEnded(task, attempt, TaskOutcome.Success(result, context.Metrics));
    }

    /// <summary>Reports that <paramref name="task"/> failed its last attempt.</summary>
    public void FailFinally(TaskSet taskSet, SchedulerTask task, int attempts, Exception error)
    {
        var attempt = new TaskAttempt(_nextAttemptId++, attempts - 1);
        _sink!.TaskEnded(task, attempt, TaskOutcome.Failure(error, new TaskMetrics()));
        _sink.TaskSetFailed(taskSet, task, attempts, error);
    }

    public void Dispose() { }
}
