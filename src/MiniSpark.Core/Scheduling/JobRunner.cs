namespace MiniSpark.Scheduling;

/// <summary>The action's function over one partition, with its element and result types hidden from the scheduler.</summary>
internal abstract class JobRunner
{
    public abstract Rdd Rdd { get; }

    public abstract object? Run(Partition partition, TaskContext context);
}

internal sealed class JobRunner<T, U>(Rdd<T> rdd, Func<TaskContext, IEnumerable<T>, U> func) : JobRunner
{
    public override Rdd Rdd => rdd;

    public override object? Run(Partition partition, TaskContext context) => func(context, rdd.Iterator(partition, context));
}
