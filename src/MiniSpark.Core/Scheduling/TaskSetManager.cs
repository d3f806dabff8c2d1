namespace MiniSpark.Scheduling;

/// <summary>Attempt bookkeeping for one task set: failures per partition, completion, and the kill switch.</summary>
internal sealed class TaskSetManager(TaskSet taskSet, int maxFailures)
{
    private readonly CancellationTokenSource _kill = new();
    private readonly Dictionary<int, int> _failures = [];
    private readonly Lock _lock = new();
    private int _remaining = taskSet.Tasks.Count;

    public TaskSet TaskSet { get; } = taskSet;

    public CancellationToken CancellationToken => _kill.Token;

    public bool IsKilled => _kill.IsCancellationRequested;

    /// <summary>Counts a failure of <paramref name="partitionId"/>; true when another attempt is allowed.</summary>
    public bool ShouldRetry(int partitionId, out int attempts)
    {
        lock (_lock)
        {
            _failures[partitionId] = attempts = _failures.GetValueOrDefault(partitionId) + 1;
            return attempts < maxFailures && !IsKilled;
        }
    }

    /// <summary>Counts a success; true when it was the set's last task.</summary>
    public bool TaskSucceeded() => Interlocked.Decrement(ref _remaining) == 0;

    public void Kill()
    {
        try { _kill.Cancel(); }
        catch (AggregateException) { } // a user callback on the token threw; the kill still happened
    }
}
