using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MiniSpark.Internal;
using MiniSpark.Shuffle;
using MiniSpark.Storage;

namespace MiniSpark.Scheduling;

/// <summary>Runs tasks on a fixed number of executor slots (threads): retries, speculative copies, kills.</summary>
/// <remarks>
/// <para>Tasks are handed to the slots through one channel, in submission order (FIFO across jobs). Slots are
/// dedicated threads rather than thread-pool work items: user code may block, and blocking must never starve the
/// scheduler or other jobs of threads.</para>
/// <para>A failed attempt is re-queued until it has failed <c>maxFailures</c> times; then the whole task set fails.
/// A fetch failure is not counted: the DAG scheduler recomputes the lost input. With speculation on, a timer gives a
/// straggler one copy once most of its set is done; the first attempt to finish wins, the other is stopped and its
/// output discarded.</para>
/// </remarks>
internal sealed class LocalTaskScheduler : ITaskScheduler
{
    private readonly Channel<TaskRun> _queue = Channel.CreateUnbounded<TaskRun>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Thread[] _slots;
    private readonly int _maxFailures;
    private readonly MemoryManager? _memory;
    private readonly SchedulerOptions _options;
    private readonly Lock _managersLock = new();
    private readonly List<TaskSetManager> _managers = [];
    private readonly Timer? _speculationTimer;
    private ITaskEventSink? _sink;
    private long _nextTaskAttemptId;
    private int _disposed;

    public LocalTaskScheduler(int slots, int maxFailures, MemoryManager? memory = null, SchedulerOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxFailures);
        _maxFailures = maxFailures;
        _memory = memory;
        _options = options ?? new SchedulerOptions();
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
        if (_options.Speculation)
            _speculationTimer = new Timer(_ => Speculate(), null, _options.SpeculationInterval, _options.SpeculationInterval);
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
        // Forgotten only once no attempt runs: until then WhenStopped must still find it.
        manager.Stopped.ContinueWith(_ => Forget(manager), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        foreach (SchedulerTask task in taskSet.Tasks) _queue.Writer.TryWrite(new TaskRun(manager, task, 0, Speculative: false));
    }

    public Task KillTaskSet(int stageId, string reason)
    {
        List<TaskSetManager> killed;
        lock (_managersLock) killed = [.. _managers.Where(m => m.TaskSet.StageId == stageId)];
        foreach (TaskSetManager manager in killed) manager.Kill();
        return Task.WhenAll(killed.Select(m => m.Stopped));
    }

    public Task WhenStopped(int stageId)
    {
        lock (_managersLock) return Task.WhenAll(_managers.Where(m => m.TaskSet.StageId == stageId).Select(m => m.Stopped));
    }

    private void Speculate()
    {
        TaskSetManager[] managers;
        lock (_managersLock) managers = [.. _managers];
        foreach (TaskSetManager manager in managers)
        {
            foreach (SchedulerTask task in manager.TakeSpeculatable(_options.SpeculationQuantile, _options.SpeculationMultiplier,
                         _options.SpeculationMinRuntime))
            {
                _queue.Writer.TryWrite(new TaskRun(manager, task, manager.NextAttemptNumber(task.PartitionId), Speculative: true));
            }
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
        // Dropped: the set was killed, or another attempt of this partition already won.
        if (!run.Manager.IsKilled && !run.Manager.IsSucceeded(run.Task.PartitionId)) RunTask(run);
        return true;
    }

    private void RunTask(TaskRun run)
    {
        ITaskEventSink sink = _sink!;
        SchedulerTask task = run.Task;
        TaskSetManager manager = run.Manager;
        TaskSetManager.Attempt running = manager.Start(task.PartitionId, run.AttemptNumber);
        try
        {
            var attempt = new TaskAttempt(Interlocked.Increment(ref _nextTaskAttemptId) - 1, run.AttemptNumber, run.Speculative);
            var context = new TaskContext(task.StageId, task.StageAttempt, task.PartitionId, run.AttemptNumber,
                attempt.TaskAttemptId, running.Token)
            {
                Memory = _memory,
                SkipSignature = run.AttemptNumber > 0 && _options.SkipBadRecords > 0 ? manager.SkipSignature(task.PartitionId) : null,
                MaxSkippedRecords = _options.SkipBadRecords,
            };
            sink.TaskStarted(task, attempt);
            (object? result, Exception? error) = Execute(task, context);

            if (error is null)
            {
                if (manager.TrySucceed(running, out _))
                {
                    sink.TaskEnded(task, attempt, TaskOutcome.Success(result, context.Metrics, context.AccumulatorUpdates));
                }
                else
                {
                    // Another attempt of this partition finished first: this output is discarded.
                    (result as MapOutput)?.Release();
                    sink.TaskEnded(task, attempt, TaskOutcome.Killed(new OperationCanceledException(
                        $"Partition {task.PartitionId} of stage {task.StageId} was already computed by another attempt."), context.Metrics));
                }
            }
            else if (error is OperationCanceledException && running.Token.IsCancellationRequested)
            {
                sink.TaskEnded(task, attempt, TaskOutcome.Killed(error, context.Metrics));
            }
            else if (error is FetchFailedException)
            {
                sink.TaskEnded(task, attempt, TaskOutcome.FetchFailed(error, context.Metrics));
            }
            else
            {
                sink.TaskEnded(task, attempt, TaskOutcome.Failure(error, context.Metrics));
                if (manager.ShouldRetry(task.PartitionId, error, out int attempts))
                    _queue.Writer.TryWrite(run with { AttemptNumber = manager.NextAttemptNumber(task.PartitionId), Speculative = false });
                else if (!manager.IsKilled && !manager.IsSucceeded(task.PartitionId))
                    sink.TaskSetFailed(manager.TaskSet, task, attempts, error); // the DAG scheduler kills the set
            }
        }
        finally
        {
            manager.End(running);
        }
    }

    private (object? Result, Exception? Error) Execute(SchedulerTask task, TaskContext context)
    {
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
        _memory?.ReleaseAllExecution(context.TaskAttemptId);
        if (context.Metrics.RecordsSkipped > 0)
        {
            Log.Warning($"Task for partition {task.PartitionId} of stage {task.StageId} skipped {context.Metrics.RecordsSkipped} " +
                $"bad record(s) failing with {context.SkipSignature}.");
        }
        return (result, error);
    }

    private void Forget(TaskSetManager manager)
    {
        lock (_managersLock) _managers.Remove(manager);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _speculationTimer?.Dispose();
        TaskSetManager[] managers;
        lock (_managersLock) managers = [.. _managers];
        foreach (TaskSetManager manager in managers) manager.Kill();
        _queue.Writer.TryComplete();
        foreach (Thread slot in _slots)
        {
            if (slot.IsAlive && slot != Thread.CurrentThread) slot.Join(TimeSpan.FromSeconds(10));
        }
    }

    private readonly record struct TaskRun(TaskSetManager Manager, SchedulerTask Task, int AttemptNumber, bool Speculative);
}

/// <summary>Task-scheduling settings read from the configuration.</summary>
internal sealed record SchedulerOptions
{
    public bool Speculation { get; init; }
    public TimeSpan SpeculationInterval { get; init; } = TimeSpan.FromMilliseconds(100);
    public double SpeculationQuantile { get; init; } = 0.75;
    public double SpeculationMultiplier { get; init; } = 1.5;
    public TimeSpan SpeculationMinRuntime { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>Records a retried task may skip when they fail the way its previous attempt did; 0 turns skipping off.</summary>
    public int SkipBadRecords { get; init; }
}
