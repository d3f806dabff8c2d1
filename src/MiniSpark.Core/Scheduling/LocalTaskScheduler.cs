using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MiniSpark.Storage;

namespace MiniSpark.Scheduling;

/// <summary>Runs tasks on a fixed number of executor slots (threads), retrying failed attempts.</summary>
/// <remarks>
/// <para>Tasks are handed to the slots through one channel, in submission order (FIFO across jobs).
/// Slots are dedicated threads rather than thread-pool work items: user code may block, and blocking
/// must never starve the scheduler or other jobs of threads.</para>
/// <para>A failed attempt is re-queued until it has failed <c>maxFailures</c> times; then the whole task set
/// fails. A killed task set's queued tasks are dropped when a slot picks them up.</para>
/// </remarks>
internal sealed class LocalTaskScheduler : ITaskScheduler
{
    private readonly Channel<TaskRun> _queue = Channel.CreateUnbounded<TaskRun>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Thread[] _slots;
    private readonly int _maxFailures;
    private readonly Lock _managersLock = new();
    private readonly List<TaskSetManager> _managers = [];
    private ITaskEventSink? _sink;
    private long _nextTaskAttemptId;
    private int _disposed;

    private readonly MemoryManager? _memory;

    public LocalTaskScheduler(int slots, int maxFailures, MemoryManager? memory = null)
    {
        _memory = memory;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFailures);
        _maxFailures = maxFailures;
        _slots = new Thread[slots];
        for (int i = 0; i < slots; i++)
        {
            // A large stack: a deep chain of narrow transformations nests one iterator frame per dataset.
            _slots[i] = new Thread(RunSlot, maxStackSize: 16 * 1024 * 1024)
            {
                IsBackground = true,
                Name = $"MiniSpark executor slot {i}",
            };
        }
    }

    public int Slots => _slots.Length;

    public void Start(ITaskEventSink sink)
    {
        _sink = sink;
        foreach (Thread slot in _slots) slot.Start();
    }

    public void Submit(TaskSet taskSet)
    {
        var manager = new TaskSetManager(taskSet, _maxFailures);
        lock (_managersLock) _managers.Add(manager);
        foreach (SchedulerTask task in taskSet.Tasks) _queue.Writer.TryWrite(new TaskRun(manager, task, 0));
    }

    public void KillTaskSet(int stageId, string reason)
    {
        lock (_managersLock)
        {
            foreach (TaskSetManager manager in _managers)
            {
                if (manager.TaskSet.StageId == stageId) manager.Kill();
            }
            _managers.RemoveAll(m => m.TaskSet.StageId == stageId);
        }
    }

    private void RunSlot()
    {
        ChannelReader<TaskRun> reader = _queue.Reader;
        while (true)
        {
            ValueTask<bool> wait = reader.WaitToReadAsync();
            bool more = wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
            if (!more) return;
            while (RunNext(reader)) { }
        }
    }

    // Its own frame, so no local of the idle slot keeps the last task (and its datasets) reachable.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool RunNext(ChannelReader<TaskRun> reader)
    {
        if (!reader.TryRead(out TaskRun run)) return false;
        if (!run.Manager.IsKilled) RunTask(run);
        return true;
    }

    private void RunTask(TaskRun run)
    {
        ITaskEventSink sink = _sink!;
        SchedulerTask task = run.Task;
        var attempt = new TaskAttempt(Interlocked.Increment(ref _nextTaskAttemptId) - 1, run.AttemptNumber);
        var context = new TaskContext(task.StageId, task.StageAttempt, task.PartitionId, run.AttemptNumber,
            attempt.TaskAttemptId, run.Manager.CancellationToken) { Memory = _memory };
        sink.TaskStarted(task, attempt);

        long start = Stopwatch.GetTimestamp();
        object? result = null;
        Exception? error = null;
        using (context.Enter())
        {
            try
            {
                result = task.Run(context);
            }
            catch (Exception e)
            {
                error = e;
            }
            try
            {
                context.RunCompletionCallbacks();
            }
            catch (Exception e)
            {
                error ??= e;
            }
        }
        context.Metrics.Duration = Stopwatch.GetElapsedTime(start);
        // Buffers a task forgot to release (or could not, failing) go back to the pool.
        _memory?.ReleaseAllExecution(attempt.TaskAttemptId);

        if (error is null)
        {
            sink.TaskEnded(task, attempt, TaskOutcome.Success(result, context.Metrics, context.AccumulatorUpdates));
            if (run.Manager.TaskSucceeded()) Forget(run.Manager);
        }
        else if (run.Manager.IsKilled && error is OperationCanceledException)
        {
            sink.TaskEnded(task, attempt, TaskOutcome.Killed(error, context.Metrics));
        }
        else
        {
            sink.TaskEnded(task, attempt, TaskOutcome.Failure(error, context.Metrics));
            if (run.Manager.ShouldRetry(task.PartitionId, out int attempts))
                _queue.Writer.TryWrite(run with { AttemptNumber = run.AttemptNumber + 1 });
            else if (!run.Manager.IsKilled)
                sink.TaskSetFailed(run.Manager.TaskSet, task, attempts, error); // the DAG scheduler kills the set
        }
    }

    private void Forget(TaskSetManager manager)
    {
        lock (_managersLock) _managers.Remove(manager);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        lock (_managersLock)
        {
            foreach (TaskSetManager manager in _managers) manager.Kill();
            _managers.Clear();
        }
        _queue.Writer.TryComplete();
        foreach (Thread slot in _slots)
        {
            if (slot.IsAlive && slot != Thread.CurrentThread) slot.Join(TimeSpan.FromSeconds(10));
        }
    }

    private readonly record struct TaskRun(TaskSetManager Manager, SchedulerTask Task, int AttemptNumber);
}
