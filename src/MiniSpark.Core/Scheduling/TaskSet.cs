namespace MiniSpark.Scheduling;

/// <summary>The tasks of one stage attempt, handed to the task scheduler together.</summary>
internal sealed class TaskSet(Stage stage, int stageAttempt, IReadOnlyList<SchedulerTask> tasks, int priority)
{
    public Stage Stage { get; } = stage;
    public int StageId => Stage.Id;
    public int StageAttempt { get; } = stageAttempt;
    public Rdd Rdd => Stage.Rdd;
    public IReadOnlyList<SchedulerTask> Tasks { get; } = tasks;
    /// <summary>The earliest job needing this stage: lower runs first.</summary>
    public int Priority { get; } = priority;

    public override string ToString() => $"TaskSet {StageId}.{StageAttempt} ({Tasks.Count} tasks)";
}
