namespace MiniSpark.Storage;

/// <summary>Blocks held in the memory budget, evicted least-recently-used by dataset.</summary>
/// <remarks>
/// Datasets are ordered by their last access; eviction takes blocks (least recently used first) from the dataset
/// used longest ago, never from the dataset being stored. An evicted block whose level allows disk is written to
/// the disk store first; otherwise it is dropped and recomputed from lineage when next needed. Guarded by the
/// memory manager's lock, so eviction and acquisition see one consistent state.
/// </remarks>
internal sealed class MemoryStore
{
    private readonly MemoryManager _memory;
    private readonly Dictionary<RddBlockId, MemoryEntry> _entries = [];
    private readonly LinkedList<int> _datasetOrder = new(); // least recently used first
    private readonly Dictionary<int, (LinkedListNode<int> Node, LinkedList<RddBlockId> Blocks)> _datasets = [];

    public MemoryStore(MemoryManager memory)
    {
        _memory = memory;
        _memory.Evictor = Evict;
    }

    /// <summary>Blocks evicted so far (for tests and metrics).</summary>
    public long EvictedBlocks { get; private set; }

    /// <summary>Stores a block whose memory the caller already acquired as storage.</summary>
    public void Put(RddBlockId block, MemoryEntry entry)
    {
        lock (_memory.Lock)
        {
            if (_entries.Remove(block, out MemoryEntry? old)) Forget(block, old);
            _entries.Add(block, entry);
            (LinkedListNode<int> _, LinkedList<RddBlockId> blocks) = Touch(block.RddId);
            blocks.AddLast(block);
        }
    }

    public bool TryGet(RddBlockId block, out MemoryEntry entry)
    {
        lock (_memory.Lock)
        {
            if (!_entries.TryGetValue(block, out entry!)) return false;
            (LinkedListNode<int> _, LinkedList<RddBlockId> blocks) = Touch(block.RddId);
            blocks.Remove(block);
            blocks.AddLast(block);
            return true;
        }
    }

    public bool Contains(RddBlockId block)
    {
        lock (_memory.Lock) return _entries.ContainsKey(block);
    }

    public (int Blocks, long Bytes) UsageOf(int rddId)
    {
        lock (_memory.Lock)
        {
            if (!_datasets.TryGetValue(rddId, out var dataset)) return (0, 0);
            return (dataset.Blocks.Count, dataset.Blocks.Sum(b => _entries[b].Size));
        }
    }

    public void Remove(RddBlockId block)
    {
        lock (_memory.Lock)
        {
            if (_entries.Remove(block, out MemoryEntry? entry)) Forget(block, entry);
        }
    }

    public void RemoveRdd(int rddId)
    {
        lock (_memory.Lock)
        {
            if (!_datasets.TryGetValue(rddId, out var dataset)) return;
            foreach (RddBlockId block in dataset.Blocks.ToList())
            {
                if (_entries.Remove(block, out MemoryEntry? entry)) Forget(block, entry);
            }
        }
    }

    /// <summary>Frees at least <paramref name="bytes"/> (if it can) by evicting; called under the lock by the memory manager.</summary>
    private long Evict(long bytes, int? protectedRddId)
    {
        long freed = 0;
        LinkedListNode<int>? dataset = _datasetOrder.First;
        while (freed < bytes && dataset is not null)
        {
            LinkedListNode<int>? next = dataset.Next;
            if (dataset.Value != protectedRddId)
            {
                LinkedList<RddBlockId> blocks = _datasets[dataset.Value].Blocks;
                while (freed < bytes && blocks.First is { } oldest)
                {
                    RddBlockId block = oldest.Value;
                    MemoryEntry entry = _entries[block];
                    _entries.Remove(block);
                    Forget(block, entry);
                    entry.DropToDisk?.Invoke();
                    freed += entry.Size;
                    EvictedBlocks++;
                }
            }
            dataset = next;
        }
        return freed;
    }

    private (LinkedListNode<int> Node, LinkedList<RddBlockId> Blocks) Touch(int rddId)
    {
        if (_datasets.TryGetValue(rddId, out var dataset))
        {
            _datasetOrder.Remove(dataset.Node);
            _datasetOrder.AddLast(dataset.Node);
            return dataset;
        }
        dataset = (_datasetOrder.AddLast(rddId), new LinkedList<RddBlockId>());
        _datasets.Add(rddId, dataset);
        return dataset;
    }

    private void Forget(RddBlockId block, MemoryEntry entry)
    {
        _memory.ReleaseStorage(entry.Size);
        if (!_datasets.TryGetValue(block.RddId, out var dataset)) return;
        dataset.Blocks.Remove(block);
        if (dataset.Blocks.Count == 0)
        {
            _datasetOrder.Remove(dataset.Node);
            _datasets.Remove(block.RddId);
        }
    }
}

/// <summary>A block in memory: the objects (a <c>T[]</c>) or their serialized bytes, its estimated size, and how to
/// move it to disk when evicted (null when its level does not use disk).</summary>
internal sealed record MemoryEntry(object Values, long Size, bool Serialized, Action? DropToDisk);
