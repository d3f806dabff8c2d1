namespace MiniSpark;

/// <summary>The untyped face of an accumulator: identity and the operations the scheduler needs.</summary>
/// <remarks>
/// <para>An accumulator is a variable tasks only add to. Inside a task, <c>Add</c> goes to a private copy of the
/// task; when the task succeeds, the scheduler merges that copy into the accumulator the driver holds. Failed
/// attempts' copies are dropped, and for tasks of an action (result tasks) only the first successful attempt per
/// partition is merged, so an action's updates count exactly once per partition whatever the retries. Updates
/// made in transformations whose stage reruns (a lost shuffle output) may count again, as in Spark.</para>
/// <para>Work a task starts on other threads (Parallel.For inside a task) has no task context: its updates go
/// straight to the driver's value and are not protected against retries.</para>
/// </remarks>
public abstract class Accumulator
{
    private protected Accumulator() { }

    /// <summary>Id within its context; -1 until registered.</summary>
    public long Id { get; internal set; } = -1;

    /// <summary>Display name; null when unnamed.</summary>
    public string? Name { get; internal set; }

    /// <summary>The context this accumulator is registered with; null until registered.</summary>
    internal SparkContext? Context { get; set; }

    /// <summary>Whether the value is the zero value.</summary>
    public abstract bool IsZero { get; }

    internal abstract Accumulator CopyAndResetUntyped();

    internal abstract void MergeUntyped(Accumulator other);

    /// <summary>The task-private copy to add to when called inside a task; null outside tasks.</summary>
    private protected Accumulator? TaskCopy()
    {
        TaskContext? task = TaskContext.Current;
        if (task is null) return null;
        if (Context is null)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} '{Name}' is used in a task but was never registered; create it with sc.LongAccumulator(...) " +
                "and the like, or register it with sc.Register(accumulator, name).");
        }
        return task.AccumulatorCopy(this);
    }
}
