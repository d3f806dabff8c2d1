using System.Diagnostics;

namespace MiniSpark.Scheduling;

/// <summary>Attempt bookkeeping for one task set: running and finished attempts per partition, failures, the signature of
/// a failure to skip on retry, speculation candidates, and the kill switch.</summary>
/// <remarks>Called from every slot thread and the speculation timer: all state is under one lock.</remarks>
internal sealed class TaskSetManager(TaskSet taskSet, int maxFailures)
{
    private readonly CancellationTokenSource _kill = new();
    private readonly Lock _lock = new();
    private readonly Dictionary<int, PartitionState> _partitions = taskSet.Tasks.ToDictionary(t => t.PartitionId, _ => new PartitionState());
    private readonly List<TimeSpan> _successDurations = [];
    // Continuations run inline on the slot thread that ends the last attempt: completing a job must never wait for a
    // thread-pool thread (callers blocked in actions may be using them all).
    private readonly TaskCompletionSource _stopped = new();
    private int _remaining = taskSet.Tasks.Count;
    private int _running;

    public TaskSet TaskSet { get; } = taskSet;

    public CancellationToken CancellationToken => _kill.Token;

    public bool IsKilled => _kill.IsCancellationRequested;

    /// <summary>Completes once the set is killed (or done) and no attempt of it is running any more.</summary>
    public Task Stopped => _stopped.Task;

    public bool IsSucceeded(int partitionId)
    {
        lock (_lock) return _partitions[partitionId].Succeeded;
    }

    /// <summary>Registers a running attempt; its token fires when the set is killed or another attempt of the partition won.</summary>
    public Attempt Start(int partitionId, int attemptNumber)
    {
        lock (_lock)
        {
            var attempt = new Attempt(partitionId, attemptNumber, CancellationTokenSource.CreateLinkedTokenSource(_kill.Token),
                Stopwatch.GetTimestamp());
            _partitions[partitionId].Running.Add(attempt);
            _running++;
            return attempt;
        }
    }

    public void End(Attempt attempt)
    {
        bool stopped;
        lock (_lock)
        {
            _partitions[attempt.PartitionId].Running.Remove(attempt);
            stopped = --_running == 0 && (IsKilled || _remaining == 0);
        }
        attempt.Cancellation.Dispose();
        if (stopped) _stopped.TrySetResult();
    }

    /// <summary>Records a success; false when another attempt of the partition already won (this one is discarded).
    /// The winner stops the partition's other running attempts.</summary>
    public bool TrySucceed(Attempt attempt, out bool setDone)
    {
        List<Attempt> losers;
        lock (_lock)
        {
            PartitionState state = _partitions[attempt.PartitionId];
            setDone = false;
            if (state.Succeeded) return false;
            state.Succeeded = true;
            _successDurations.Add(Stopwatch.GetElapsedTime(attempt.StartTimestamp));
            setDone = --_remaining == 0;
            losers = [.. state.Running.Where(a => !ReferenceEquals(a, attempt))];
            // The winner is still counted as running until End: Stopped completes only after every attempt ended.
        }
        foreach (Attempt loser in losers) Cancel(loser.Cancellation);
        return true;
    }

    /// <summary>Counts a failure of the partition; true when another attempt is allowed. Remembers the failure so a
    /// retry can skip records failing the same way (when bad-record skipping is on).</summary>
    public bool ShouldRetry(int partitionId, Exception error, out int attempts)
    {
        lock (_lock)
        {
            PartitionState state = _partitions[partitionId];
            attempts = ++state.Failures;
            state.SkipSignature = FailureSignature.Of(error);
            return attempts < maxFailures && !IsKilled && !state.Succeeded;
        }
    }

    public string? SkipSignature(int partitionId)
    {
        lock (_lock) return _partitions[partitionId].SkipSignature;
    }

    public int NextAttemptNumber(int partitionId)
    {
        lock (_lock) return _partitions[partitionId].NextAttempt++;
    }

    /// <summary>Spark's speculation rule: once <paramref name="quantile"/> of the tasks succeeded, a running task slower than
    /// <paramref name="multiplier"/> times their median (and than <paramref name="minRuntime"/>) gets one copy.</summary>
    public List<SchedulerTask> TakeSpeculatable(double quantile, double multiplier, TimeSpan minRuntime)
    {
        var copies = new List<SchedulerTask>();
        lock (_lock)
        {
            if (IsKilled || _remaining == 0 || _successDurations.Count < Math.Max(1, (int)Math.Ceiling(quantile * TaskSet.Tasks.Count)))
                return copies;
            TimeSpan median = _successDurations.Order().ElementAt(_successDurations.Count / 2);
            TimeSpan threshold = TimeSpan.FromTicks(Math.Max((long)(median.Ticks * multiplier), minRuntime.Ticks));
            foreach (SchedulerTask task in TaskSet.Tasks)
            {
                PartitionState state = _partitions[task.PartitionId];
                if (state.Succeeded || state.Speculated || state.Running.Count != 1) continue;
                if (Stopwatch.GetElapsedTime(state.Running[0].StartTimestamp) <= threshold) continue;
                state.Speculated = true;
                copies.Add(task);
            }
        }
        return copies;
    }

    public void Kill()
    {
        Cancel(_kill);
        bool stopped;
        lock (_lock) stopped = _running == 0;
        if (stopped) _stopped.TrySetResult();
    }

    private static void Cancel(CancellationTokenSource source)
    {
        try { source.Cancel(); }
        catch (AggregateException) { } // a user callback on the token threw; the cancellation still happened
        catch (ObjectDisposedException) { } // the attempt ended meanwhile
    }

    /// <summary>One running attempt of one partition.</summary>
    internal sealed record Attempt(int PartitionId, int AttemptNumber, CancellationTokenSource Cancellation, long StartTimestamp)
    {
        public CancellationToken Token => Cancellation.Token;
    }

    private sealed class PartitionState
    {
        public List<Attempt> Running { get; } = [];
        public bool Succeeded { get; set; }
        public bool Speculated { get; set; }
        public int Failures { get; set; }
        public int NextAttempt { get; set; } = 1;
        public string? SkipSignature { get; set; }
    }
}

/// <summary>What makes two failures "the same" for bad-record skipping: exception type and message.</summary>
internal static class FailureSignature
{
    public static string Of(Exception error) => $"{error.GetType().FullName}: {error.Message}";
}
