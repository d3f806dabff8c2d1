namespace MiniSpark.Scheduling;

/// <summary>One unit of work: a stage's computation over one partition.</summary>
internal abstract class SchedulerTask(int stageId, int stageAttempt, Partition partition, int jobId)
{
    public int StageId { get; } = stageId;
    public int StageAttempt { get; } = stageAttempt;
    public Partition Partition { get; } = partition;
    public int PartitionId => Partition.Index;
    /// <summary>The job that submitted the task's stage, used for priority and error messages.</summary>
    public int JobId { get; } = jobId;

    public abstract object? Run(TaskContext context);
}

/// <summary>Computes a parent partition and writes its shuffle output; returns the <see cref="Shuffle.MapOutput"/>.</summary>
internal sealed class ShuffleMapTask(int stageId, int stageAttempt, Partition partition, int jobId, ShuffleDependency dependency)
    : SchedulerTask(stageId, stageAttempt, partition, jobId)
{
    public ShuffleDependency Dependency { get; } = dependency;

    public override object? Run(TaskContext context) => Dependency.WriteMapOutput(Partition, context);
}

/// <summary>Runs the action's function over one partition; returns its result.</summary>
internal sealed class ResultTask(int stageId, int stageAttempt, Partition partition, int jobId, JobRunner runner, int outputIndex)
    : SchedulerTask(stageId, stageAttempt, partition, jobId)
{
    /// <summary>Position of this partition in the job's result array.</summary>
    public int OutputIndex { get; } = outputIndex;

    public override object? Run(TaskContext context) => runner.Run(Partition, context);
}
