namespace MiniSpark;

/// <summary>What a running task knows about itself; <see cref="Current"/> inside user functions.</summary>
/// <remarks>
/// A task runs synchronously on one executor slot thread, so the current context is thread-local:
/// user code reached from the task's iterators sees it, other threads see null.
/// </remarks>
public sealed class TaskContext
{
    [ThreadStatic] private static TaskContext? t_current;

    private List<Action<TaskContext>>? _completionCallbacks;
    private Dictionary<Accumulator, Accumulator>? _accumulators;

    internal TaskContext(int stageId, int stageAttemptNumber, int partitionId, int attemptNumber, long taskAttemptId,
        CancellationToken cancellationToken)
    {
        StageId = stageId;
        StageAttemptNumber = stageAttemptNumber;
        PartitionId = partitionId;
        AttemptNumber = attemptNumber;
        TaskAttemptId = taskAttemptId;
        CancellationToken = cancellationToken;
    }

    /// <summary>The context of the task running on this thread, or null outside a task.</summary>
    public static TaskContext? Current => t_current;

    /// <summary>The stage this task belongs to.</summary>
    public int StageId { get; }

    /// <summary>Which attempt of the stage this task belongs to (0 for the first).</summary>
    public int StageAttemptNumber { get; }

    /// <summary>The partition this task computes.</summary>
    public int PartitionId { get; }

    /// <summary>How many times this task was attempted before (0 for the first attempt).</summary>
    public int AttemptNumber { get; }

    /// <summary>Unique id of this attempt within the context.</summary>
    public long TaskAttemptId { get; }

    /// <summary>Signalled when the task's job is cancelled or the task is killed; long loops should observe it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>Whether the task has been asked to stop.</summary>
    public bool IsInterrupted => CancellationToken.IsCancellationRequested;

    /// <summary>The budget execution buffers (aggregation maps, sort buffers) draw from; null in bare tests.</summary>
    internal Storage.MemoryManager? Memory { get; init; }

    /// <summary>Counters of this attempt, reported with its end event.</summary>
    public TaskMetrics Metrics { get; } = new();

    /// <summary>Registers <paramref name="callback"/> to run when the task ends, successfully or not.</summary>
    public void AddTaskCompletionListener(Action<TaskContext> callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        (_completionCallbacks ??= []).Add(callback);
    }

    /// <summary>This task's private copy of <paramref name="accumulator"/>, made on first use.</summary>
    internal Accumulator AccumulatorCopy(Accumulator accumulator)
    {
        _accumulators ??= new Dictionary<Accumulator, Accumulator>(ReferenceEqualityComparer.Instance);
        if (!_accumulators.TryGetValue(accumulator, out Accumulator? copy))
        {
            copy = accumulator.CopyAndResetUntyped();
            _accumulators.Add(accumulator, copy);
        }
        return copy;
    }

    /// <summary>The copies this task added to, keyed by the accumulator they merge into.</summary>
    internal IReadOnlyDictionary<Accumulator, Accumulator>? AccumulatorUpdates => _accumulators;

    internal void ThrowIfCancellationRequested() => CancellationToken.ThrowIfCancellationRequested();

    internal Scope Enter()
    {
        TaskContext? previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    internal void RunCompletionCallbacks()
    {
        if (_completionCallbacks is null) return;
        List<Exception>? errors = null;
        // Reverse registration order, so resources opened later are released first.
        for (int i = _completionCallbacks.Count - 1; i >= 0; i--)
        {
            try { _completionCallbacks[i](this); }
            catch (Exception e) { (errors ??= []).Add(e); }
        }
        _completionCallbacks = null;
        if (errors is not null) throw new AggregateException("Task completion callbacks failed.", errors);
    }

    internal readonly struct Scope(TaskContext? previous) : IDisposable
    {
        public void Dispose() => t_current = previous;
    }
}
