namespace MiniSpark.Storage;

/// <summary>One budget (<c>spark.memory.maxBytes</c>) shared by cached blocks (storage) and task buffers (execution).</summary>
/// <remarks>
/// <para>Spark's unified model: storage may use any free memory; execution may take back memory storage uses
/// beyond its protected share (<c>spark.memory.storageFraction</c>) by evicting blocks, but never the protected
/// share itself. Blocks are evicted first because they can be recomputed or read from disk.</para>
/// <para>Each task holding execution memory may take at most 1/N of the execution pool (N = such tasks), so one
/// task's buffers cannot starve the others; a task that gets less than it asked for spills.</para>
/// <para>Sizes are estimates (<see cref="SizeEstimator"/>), not GC measurements. All state is guarded by
/// <see cref="Lock"/>, which the memory store shares, so evicting while acquiring cannot deadlock.</para>
/// </remarks>
internal sealed class MemoryManager
{
    private readonly Dictionary<long, long> _executionByTask = [];
    private long _storageUsed;
    private long _executionUsed;

    public MemoryManager(long maxBytes, double storageFraction)
    {
        MaxBytes = maxBytes;
        StorageRegion = (long)(maxBytes * storageFraction);
    }

    /// <summary>Guards this manager and the memory store (a reentrant lock).</summary>
    public Lock Lock { get; } = new();

    public long MaxBytes { get; }

    /// <summary>Storage memory execution cannot evict.</summary>
    public long StorageRegion { get; }

    /// <summary>Frees at least the given bytes of storage by evicting blocks (never of the protected dataset); returns bytes freed.</summary>
    public Func<long, int?, long>? Evictor { get; set; }

    public long StorageUsed
    {
        get { lock (Lock) return _storageUsed; }
    }

    public long ExecutionUsed
    {
        get { lock (Lock) return _executionUsed; }
    }

    public long ExecutionUsedBy(long taskAttemptId)
    {
        lock (Lock) return _executionByTask.GetValueOrDefault(taskAttemptId);
    }

    private long Free => MaxBytes - _storageUsed - _executionUsed;

    /// <summary>Takes <paramref name="bytes"/> of storage, evicting other datasets' blocks if needed.</summary>
    public bool TryAcquireStorage(long bytes, int? protectedRddId)
    {
        if (bytes <= 0) return true;
        lock (Lock)
        {
            if (bytes > MaxBytes - _executionUsed) return false;
            if (Free < bytes) Evictor?.Invoke(bytes - Free, protectedRddId);
            if (Free < bytes) return false;
            _storageUsed += bytes;
            return true;
        }
    }

    public void ReleaseStorage(long bytes)
    {
        lock (Lock) _storageUsed = Math.Max(0, _storageUsed - bytes);
    }

    /// <summary>Grants up to <paramref name="bytes"/> of execution memory to a task: possibly less (even 0); the caller spills.</summary>
    public long AcquireExecution(long bytes, long taskAttemptId)
    {
        if (bytes <= 0) return 0;
        lock (Lock)
        {
            long held = _executionByTask.GetValueOrDefault(taskAttemptId);
            _executionByTask[taskAttemptId] = held;
            long pool = MaxBytes - Math.Min(_storageUsed, StorageRegion);
            long fairShare = pool / _executionByTask.Count;
            long wanted = Math.Min(bytes, Math.Max(0, fairShare - held));
            if (Free < wanted)
            {
                long evictable = Math.Max(0, _storageUsed - StorageRegion);
                if (evictable > 0) Evictor?.Invoke(Math.Min(wanted - Free, evictable), null);
            }
            long granted = Math.Clamp(Math.Min(wanted, Free), 0, wanted);
            _executionUsed += granted;
            _executionByTask[taskAttemptId] = held + granted;
            return granted;
        }
    }

    public void ReleaseExecution(long bytes, long taskAttemptId)
    {
        lock (Lock)
        {
            if (!_executionByTask.TryGetValue(taskAttemptId, out long held)) return;
            long released = Math.Min(bytes, held);
            _executionUsed -= released;
            _executionByTask[taskAttemptId] = held - released;
        }
    }

    /// <summary>At the end of a task: whatever it still holds goes back to the pool.</summary>
    public long ReleaseAllExecution(long taskAttemptId)
    {
        lock (Lock)
        {
            if (!_executionByTask.Remove(taskAttemptId, out long held)) return 0;
            _executionUsed -= held;
            return held;
        }
    }
}
