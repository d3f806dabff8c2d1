using System.Runtime.CompilerServices;
using System.Threading.Channels;
using MiniSpark.Internal;
using MiniSpark.Listeners;
using MiniSpark.Shuffle;

namespace MiniSpark.Scheduling;

/// <summary>Turns jobs into stages cut at shuffle boundaries and submits each stage once its parents' output exists.</summary>
/// <remarks>
/// <para>All state is owned by one event thread: submissions, task outcomes and cancellations arrive as
/// <see cref="DagEvent"/>s through a channel and are handled in order, so nothing here needs a lock and
/// listener events come out in a consistent order.</para>
/// <para>Tests construct it without the event thread and call <see cref="DrainEvents"/> to step it.</para>
/// <para>A shuffle's map outputs outlive the jobs that made them (in the <see cref="MapOutputTracker"/>), so a later
/// job that needs the same shuffle skips its map stage.</para>
/// </remarks>
internal sealed partial class DagScheduler : ITaskEventSink, IDisposable
{
    private readonly ITaskScheduler _taskScheduler;
    private readonly MapOutputTracker _mapOutputs;
    private readonly ListenerBus _bus;
    private readonly Channel<DagEvent> _events = Channel.CreateUnbounded<DagEvent>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false });
    private readonly Thread? _eventThread;

    private readonly Dictionary<int, Stage> _stages = [];
    private readonly Dictionary<int, ShuffleMapStage> _shuffleStages = [];
    private readonly Dictionary<int, ActiveJob> _activeJobs = [];
    private readonly HashSet<Stage> _waiting = [];
    private readonly HashSet<Stage> _running = [];
    private int _nextJobId;
    private int _nextStageId;
    private int _stopped;

    public DagScheduler(ITaskScheduler taskScheduler, MapOutputTracker mapOutputs, ListenerBus bus, bool startEventThread = true)
    {
        _taskScheduler = taskScheduler;
        _mapOutputs = mapOutputs;
        _bus = bus;
        _taskScheduler.Start(this);
        if (startEventThread)
        {
            _eventThread = new Thread(RunEventLoop) { IsBackground = true, Name = "MiniSpark DAG scheduler" };
            _eventThread.Start();
        }
    }

    /// <summary>Submits a job computing <paramref name="func"/> over <paramref name="partitions"/> of <paramref name="rdd"/>.</summary>
    public JobWaiter<U> SubmitJob<T, U>(Rdd<T> rdd, Func<TaskContext, IEnumerable<T>, U> func, IReadOnlyList<int> partitions,
        string callSite, JobProperties properties, CancellationToken cancellationToken)
    {
        int numPartitions = rdd.NumPartitions;
        foreach (int p in partitions)
        {
            if ((uint)p >= (uint)numPartitions)
                throw new ArgumentOutOfRangeException(nameof(partitions), p, SR.PartitionOutOfRange(p, rdd, numPartitions));
        }
        cancellationToken.ThrowIfCancellationRequested();
        if (Volatile.Read(ref _stopped) != 0) throw new InvalidOperationException(SR.ContextStopped);

        int jobId = Interlocked.Increment(ref _nextJobId) - 1;
        var waiter = new JobWaiter<U>(partitions.Count) { JobId = jobId };
        var job = new ActiveJob(jobId, new JobRunner<T, U>(rdd, func), partitions, waiter, properties, callSite,
            cancellationToken);
        // Registered before the job is queued so the event thread sees the registration; a cancellation that
        // overtakes the submission is caught when the submission is handled.
        if (cancellationToken.CanBeCanceled)
        {
            job.CancellationRegistration = cancellationToken.Register(
                () => Post(new JobCancelled(jobId, "its cancellation token was cancelled", cancellationToken)));
        }
        Post(new JobSubmitted(job));
        return waiter;
    }

    public void CancelJobGroup(string groupId) => Post(new JobGroupCancelled(groupId));

    public void CancelAllJobs(string reason) => Post(new AllJobsCancelled(reason));

    // ITaskEventSink: called on executor threads; only queue.
    void ITaskEventSink.TaskStarted(SchedulerTask task, TaskAttempt attempt) => Post(new TaskStartedEvent(task, attempt));

    void ITaskEventSink.TaskEnded(SchedulerTask task, TaskAttempt attempt, TaskOutcome outcome) =>
        Post(new TaskEndedEvent(task, attempt, outcome));

    void ITaskEventSink.TaskSetFailed(TaskSet taskSet, SchedulerTask task, int attempts, Exception error) =>
        Post(new TaskSetFailedEvent(taskSet, task, attempts, error));

    private void Post(DagEvent e)
    {
        if (!_events.Writer.TryWrite(e) && e is JobSubmitted submitted)
            submitted.Job.Listener.JobFailed(new InvalidOperationException(SR.ContextStopped));
    }

    /// <summary>Handles every queued event on the calling thread (tests without an event thread).</summary>
    internal void DrainEvents()
    {
        while (_events.Reader.TryRead(out DagEvent? e)) HandleSafely(e);
    }

    private void RunEventLoop()
    {
        ChannelReader<DagEvent> reader = _events.Reader;
        while (true)
        {
            ValueTask<bool> wait = reader.WaitToReadAsync();
            bool more = wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
            if (!more) return;
            while (HandleNext(reader)) { }
        }
    }

    // Its own frame, so the idle thread keeps no reference to the last event (and its datasets).
    [MethodImpl(MethodImplOptions.NoInlining)]
    private bool HandleNext(ChannelReader<DagEvent> reader)
    {
        if (!reader.TryRead(out DagEvent? e)) return false;
        HandleSafely(e);
        return true;
    }

    private void HandleSafely(DagEvent e)
    {
        try
        {
            Handle(e);
        }
        catch (Exception error)
        {
            // A bug here must not leave callers waiting forever: fail every job still running.
            Log.Warning($"DAG scheduler failed handling {e.GetType().Name}: {error}");
            foreach (ActiveJob job in _activeJobs.Values.ToList())
                FailJobAndIndependentStages(job, new SparkJobException(SR.SchedulerError(job.JobId, error), error));
        }
    }

    private void Handle(DagEvent e)
    {
        switch (e)
        {
            case JobSubmitted submitted: HandleJobSubmitted(submitted.Job); break;
            case TaskStartedEvent started: HandleTaskStarted(started); break;
            case TaskEndedEvent ended: HandleTaskEnded(ended); break;
            case TaskSetFailedEvent failed: HandleTaskSetFailed(failed); break;
            case JobCancelled cancelled: CancelJob(cancelled.JobId, cancelled.Reason, cancelled.Token); break;
            case JobGroupCancelled group:
                foreach (ActiveJob job in _activeJobs.Values.Where(j => j.Properties.JobGroup == group.GroupId).ToList())
                    CancelJob(job.JobId, $"part of cancelled job group '{group.GroupId}'", default);
                break;
            case JobCompletion completion: completion.Complete(); break;
            case Marker marker:
                marker.Handled.Set();
                break;
            case AllJobsCancelled all:
                foreach (int jobId in _activeJobs.Keys.ToList()) CancelJob(jobId, all.Reason, default);
                break;
        }
    }

    /// <summary>Fails every active job, then stops handling events. Idempotent.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0) return;
        Post(new AllJobsCancelled("the SparkContext was stopped"));
        _events.Writer.TryComplete();
        if (_eventThread is null) DrainEvents();
        else if (Thread.CurrentThread != _eventThread) _eventThread.Join(TimeSpan.FromSeconds(30));
        _taskScheduler.Dispose();
    }

    /// <summary>For tests: waits until the event thread has handled everything queued so far.</summary>
    internal void DrainQuiet()
    {
        var handled = new ManualResetEventSlim();
        Post(new Marker(handled));
        handled.Wait(TimeSpan.FromSeconds(30));
    }

    private sealed record Marker(ManualResetEventSlim Handled) : DagEvent;

    /// <summary>For tests: every job finished leaves no stage, job or running set behind.</summary>
    internal bool HasLeakedState(out string description)
    {
        description = $"jobs={_activeJobs.Count} stages={_stages.Count} shuffleStages={_shuffleStages.Count} " +
            $"waiting={_waiting.Count} running={_running.Count}";
        return _activeJobs.Count + _stages.Count + _shuffleStages.Count + _waiting.Count + _running.Count > 0;
    }
}
