using MiniSpark.Serialization;

namespace MiniSpark.Storage;

/// <summary>Stores and serves persisted partitions: memory (objects or bytes) under the budget, disk under
/// <c>spark.local.dir</c>; computes a missing partition once even when several tasks want it at the same time.</summary>
internal sealed class BlockManager
{
    // How often (in records) the size of a partition being stored is re-estimated; sampling keeps it cheap.
    private const int EstimateInterval = 256;

    private readonly Lock _computingLock = new();
    private readonly Dictionary<RddBlockId, TaskCompletionSource> _computing = [];

    private readonly Func<string> _localDirectory;

    public BlockManager(MemoryManager memory, Func<string> localDirectory)
    {
        _localDirectory = localDirectory;
        Memory = memory;
        MemoryStore = new MemoryStore(memory);
        DiskStore = new DiskStore(localDirectory);
    }

    public MemoryManager Memory { get; }

    public MemoryStore MemoryStore { get; }

    public DiskStore DiskStore { get; }

    /// <summary>The partition's records: stored ones if any, else computed by <paramref name="compute"/> and stored as
    /// <paramref name="level"/> allows.</summary>
    public IEnumerable<T> GetOrCompute<T>(RddBlockId block, StorageLevel level, Func<IEnumerable<T>> compute, TaskContext context)
    {
        while (true)
        {
            if (TryGet(block, out IEnumerable<T>? stored)) return stored;
            TaskCompletionSource? running;
            lock (_computingLock)
            {
                if (!_computing.TryGetValue(block, out running)) _computing.Add(block, new TaskCompletionSource());
            }
            if (running is not null)
            {
                // Another task is computing this block: wait, then read what it stored (or compute if it could not).
                running.Task.Wait(context.CancellationToken);
                continue;
            }
            try
            {
                // The task that computed it may have finished between the miss above and the claim: look once more.
                if (TryGet(block, out IEnumerable<T>? storedMeanwhile)) return storedMeanwhile;
                return Store(block, level, compute());
            }
            finally
            {
                TaskCompletionSource done;
                lock (_computingLock)
                {
                    done = _computing[block];
                    _computing.Remove(block);
                }
                done.SetResult();
            }
        }
    }

    private int _nextMapOutputId;

    /// <summary>Keeps a map task's buckets in memory when the storage budget has room (evictable to disk like cached
    /// blocks), else writes them to disk at once.</summary>
    public Shuffle.MapOutput<T> PutMapOutput<T>(int shuffleId, List<T>?[] buckets, long[] counts, long[] checksums)
    {
        long bytes = 0;
        foreach (List<T>? bucket in buckets)
        {
            if (bucket is not null) bytes += SizeEstimator.EstimateSequence(bucket);
        }
        var output = new Shuffle.MapOutput<T>(buckets, counts, checksums, bytes);
        string directory = Path.Combine(_localDirectory(), "shuffle");
        if (!Memory.TryAcquireStorage(bytes, null))
        {
            output.MoveToDisk(directory);
            return output;
        }
        RddBlockId block = RddBlockId.ForMapOutput(shuffleId, Interlocked.Increment(ref _nextMapOutputId));
        output.OnRelease = () => MemoryStore.Remove(block);
        MemoryStore.Put(block, new MemoryEntry(output, bytes, Serialized: false, () => output.MoveToDisk(directory)));
        return output;
    }

    public bool TryGet<T>(RddBlockId block, out IEnumerable<T> values)
    {
        if (MemoryStore.TryGet(block, out MemoryEntry entry))
        {
            values = entry.Serialized ? Serializer.ReadAll<T>(new MemoryStream((byte[])entry.Values, writable: false)) : (T[])entry.Values;
            return true;
        }
        return DiskStore.TryRead(block, out values);
    }

    public bool Contains(RddBlockId block) => MemoryStore.Contains(block) || DiskStore.Contains(block);

    public void RemoveRdd(int rddId)
    {
        MemoryStore.RemoveRdd(rddId);
        foreach (RddBlockId block in DiskStore.BlocksOf(rddId)) DiskStore.Remove(block);
    }

    private IEnumerable<T> Store<T>(RddBlockId block, StorageLevel level, IEnumerable<T> records)
    {
        if (!level.UseMemory)
        {
            DiskStore.Write(block, records);
            DiskStore.TryRead(block, out IEnumerable<T> fromDisk);
            return fromDisk;
        }
        return level.Deserialized ? StoreObjects(block, level, records) : StoreBytes(block, level, records);
    }

    /// <summary>Unrolls the partition into an array, reserving memory as its estimated size grows; when the budget says
    /// no, spills to disk (levels with disk) or gives up caching and streams the rest (memory-only).</summary>
    private IEnumerable<T> StoreObjects<T>(RddBlockId block, StorageLevel level, IEnumerable<T> records)
    {
        var buffer = new List<T>();
        long reserved = 0;
        var tracker = new SizeTracker();
        IEnumerator<T> enumerator = records.GetEnumerator();
        bool disposeEnumerator = true;
        try
        {
            while (enumerator.MoveNext())
            {
                buffer.Add(enumerator.Current);
                tracker.Update();
                if (buffer.Count % EstimateInterval != 0) continue;
                long estimate = tracker.NeedsMeasurement ? tracker.Measured(SizeEstimator.EstimateSequence(buffer)) : tracker.Estimate;
                if (estimate <= reserved) continue;
                long request = estimate + estimate / 2 - reserved; // headroom, so estimates are not redone each interval
                if (Memory.TryAcquireStorage(request, block.RddId))
                {
                    reserved += request;
                    continue;
                }
                Memory.ReleaseStorage(reserved);
                reserved = 0;
                if (level.UseDisk)
                {
                    DiskStore.Write(block, Remaining(buffer, enumerator));
                    DiskStore.TryRead(block, out IEnumerable<T> fromDisk);
                    return fromDisk;
                }
                disposeEnumerator = false; // the caller finishes it
                return Remaining(buffer, enumerator);
            }
            T[] values = [.. buffer];
            long size = SizeEstimator.EstimateSequence(values);
            if (size > reserved && !Memory.TryAcquireStorage(size - reserved, block.RddId))
            {
                Memory.ReleaseStorage(reserved);
                if (level.UseDisk) DiskStore.Write(block, values);
                return values;
            }
            if (size < reserved) Memory.ReleaseStorage(reserved - size);
            MemoryStore.Put(block, new MemoryEntry(values, size, Serialized: false,
                level.UseDisk ? () => DiskStore.Write(block, values) : null));
            return values;
        }
        catch
        {
            Memory.ReleaseStorage(reserved);
            throw;
        }
        finally
        {
            if (disposeEnumerator) enumerator.Dispose();
        }
    }

    /// <summary>Serializes the partition into memory, reserving the bytes as they grow; when the budget says no, moves
    /// to disk (levels with disk) or gives up caching and streams the records (memory-only).</summary>
    private IEnumerable<T> StoreBytes<T>(RddBlockId block, StorageLevel level, IEnumerable<T> records)
    {
        var bytes = new MemoryStream();
        long reserved = 0;
        IEnumerator<T> enumerator = records.GetEnumerator();
        bool disposeEnumerator = true;
        try
        {
            using (var writer = new RecordStreamWriter<T>(bytes))
            {
                while (enumerator.MoveNext())
                {
                    writer.Write(enumerator.Current);
                    if (writer.RecordsWritten % EstimateInterval != 0 || bytes.Length <= reserved) continue;
                    long request = bytes.Length * 2 - reserved;
                    if (Memory.TryAcquireStorage(request, block.RddId))
                    {
                        reserved += request;
                        continue;
                    }
                    // Out of budget: hand back what was serialized so far, then the rest.
                    writer.Complete();
                    Memory.ReleaseStorage(reserved);
                    reserved = 0;
                    bytes.Position = 0;
                    IEnumerable<T> all = Remaining(Serializer.ReadAll<T>(bytes), enumerator);
                    if (level.UseDisk)
                    {
                        DiskStore.Write(block, all);
                        DiskStore.TryRead(block, out IEnumerable<T> fromDisk);
                        return fromDisk;
                    }
                    disposeEnumerator = false;
                    return all;
                }
                writer.Complete();
            }
            byte[] stored = bytes.ToArray();
            if (stored.Length > reserved && !Memory.TryAcquireStorage(stored.Length - reserved, block.RddId))
            {
                Memory.ReleaseStorage(reserved);
                if (level.UseDisk) DiskStore.Write(block, Serializer.ReadAll<T>(new MemoryStream(stored)));
                return Serializer.ReadAll<T>(new MemoryStream(stored, writable: false));
            }
            if (stored.Length < reserved) Memory.ReleaseStorage(reserved - stored.Length);
            Action? toDisk = level.UseDisk ? () => DiskStore.Write(block, Serializer.ReadAll<T>(new MemoryStream(stored))) : null;
            MemoryStore.Put(block, new MemoryEntry(stored, stored.Length, Serialized: true, toDisk));
            return Serializer.ReadAll<T>(new MemoryStream(stored, writable: false));
        }
        catch
        {
            Memory.ReleaseStorage(reserved);
            throw;
        }
        finally
        {
            if (disposeEnumerator) enumerator.Dispose();
        }
    }

    /// <summary>What was read so far, then the rest of the enumerator (which this disposes).</summary>
    private static IEnumerable<T> Remaining<T>(IEnumerable<T> first, IEnumerator<T> rest)
    {
        try
        {
            foreach (T item in first) yield return item;
            while (rest.MoveNext()) yield return rest.Current;
        }
        finally
        {
            rest.Dispose();
        }
    }
}
