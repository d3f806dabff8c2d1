using MiniSpark.Storage;

namespace MiniSpark.Shuffle;

/// <summary>Combines values per key in a hash map that spills sorted runs to disk when the memory budget says no, and
/// merges them on read (Spark's ExternalAppendOnlyMap).</summary>
/// <remarks>
/// <para>Size is measured from a reservoir sample of keys (their current combiners included, so growing groups
/// are seen) at geometrically spaced insert counts and extrapolated in between (<see cref="SizeTracker"/>); every few
/// thousand inserts the structure asks the task's budget for headroom and spills when refused.</para>
/// <para>Runs are sorted by (partition, key hash). Merging the runs brings equal keys together, where combiners are
/// merged; the result comes out grouped by partition, which the map side needs to write one segment per reducer.</para>
/// </remarks>
internal sealed class SpillableCombineMap<K, V, C> : IDisposable
{
    private const int CheckInterval = 4096;
    private const int SampleSize = 32;
    private const long EntryOverhead = 40; // dictionary entry, bucket and tuple headers

    private readonly Func<V, C> _create;
    private readonly Func<C, V, C> _merge;
    private readonly Func<C, C, C> _mergeCombiners;
    private readonly IEqualityComparer<K>? _comparer;
    private readonly IEqualityComparer<K> _equality;
    private readonly Func<K, int>? _partitionOf;
    private readonly TaskMemory _memory;
    private readonly string _spillDirectory;
    private readonly List<SpillFile> _spills = [];
    private readonly K[] _sample = new K[SampleSize];
    private readonly Random _random = new(17);
    private CombineMap<K, C> _map;
    private int _sampled;
    private long _keysSeen;
    private int _sinceCheck;
    private SizeTracker _size;

    public SpillableCombineMap(Func<V, C> create, Func<C, V, C> merge, Func<C, C, C> mergeCombiners, IEqualityComparer<K>? comparer,
        Func<K, int>? partitionOf, TaskContext context, string spillDirectory)
    {
        (_create, _merge, _mergeCombiners, _comparer) = (create, merge, mergeCombiners, comparer);
        _equality = comparer ?? EqualityComparer<K>.Default;
        _partitionOf = partitionOf;
        _memory = new TaskMemory(context);
        _spillDirectory = spillDirectory;
        _map = new CombineMap<K, C>(comparer);
    }

    public bool HasSpilled => _spills.Count > 0;

    public void Insert(K key, V value)
    {
        ref C? slot = ref _map.GetValueRefOrAddDefault(key, out bool exists);
        if (exists)
        {
            slot = _merge(slot!, value);
        }
        else
        {
            slot = _create(value);
            Sample(key);
        }
        _size.Update();
        if (++_sinceCheck >= CheckInterval)
        {
            _sinceCheck = 0;
            long estimate = _size.NeedsMeasurement ? _size.Measured(EstimateBytes()) : _size.Estimate;
            if (!_memory.Ensure(estimate)) Spill(estimate);
        }
    }

    // Reservoir sampling: every key seen has the same chance to be in the sample.
    private void Sample(K key)
    {
        _keysSeen++;
        if (_sampled < SampleSize) _sample[_sampled++] = key;
        else if (_random.NextInt64(_keysSeen) is var slot && slot < SampleSize) _sample[slot] = key;
    }

    private long EstimateBytes()
    {
        if (_map.Count == 0 || _sampled == 0) return 0;
        long total = 0;
        int found = 0;
        for (int i = 0; i < _sampled; i++)
        {
            if (!_map.TryGetValue(_sample[i], out C? combiner)) continue;
            total += SizeEstimator.Estimate((_sample[i], combiner));
            found++;
        }
        long perEntry = (found == 0 ? 64 : total / found) + EntryOverhead;
        return _map.Count * perEntry;
    }

    private void Spill(long estimate)
    {
        SpillFile file = SpillFile.Create(_spillDirectory, "combine");
        try
        {
            file.WriteSegment(SortedInMemory().Select(static e => (e.Key, e.Value)));
        }
        catch
        {
            file.Dispose();
            throw;
        }
        _spills.Add(file.Seal());
        _memory.CountSpill(estimate, file.Length);
        _map = new CombineMap<K, C>(_comparer);
        _sampled = 0;
        _keysSeen = 0;
        _size.Reset();
        _memory.ReleaseAll();
    }

    private (int Partition, int Hash, K Key, C Value)[] SortedInMemory()
    {
        var entries = new (int Partition, int Hash, K Key, C Value)[_map.Count];
        int i = 0;
        foreach ((K key, C value) in _map.Entries()) entries[i++] = (PartitionOf(key), HashOf(key), key, value);
        Array.Sort(entries, static (a, b) => a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Hash.CompareTo(b.Hash));
        return entries;
    }

    private int PartitionOf(K key) => _partitionOf?.Invoke(key) ?? 0;

    private int HashOf(K key) => key is null ? 0 : _equality.GetHashCode(key);

    /// <summary>Every key with its merged combiner and its partition; grouped by partition once anything was spilled.</summary>
    public IEnumerable<(int Partition, K Key, C Value)> Result()
    {
        if (_spills.Count == 0) return InMemory();
        var runs = new List<IEnumerable<(int Partition, int Hash, K Key, C Value)>>(_spills.Count + 1);
        foreach (SpillFile spill in _spills)
            runs.Add(spill.ReadSegment<(K, C)>(0).Select(r => (PartitionOf(r.Item1), HashOf(r.Item1), r.Item1, r.Item2)));
        runs.Add(SortedInMemory());
        _map = new CombineMap<K, C>(_comparer);
        _memory.ReleaseAll();
        IEnumerable<(int Partition, int Hash, K Key, C Value)> merged = RunMerger.Merge(runs,
            Comparer<(int Partition, int Hash, K Key, C Value)>.Create(static (a, b) =>
                a.Partition != b.Partition ? a.Partition.CompareTo(b.Partition) : a.Hash.CompareTo(b.Hash)));
        return CombineEqualKeys(merged);
    }

    private IEnumerable<(int Partition, K Key, C Value)> InMemory()
    {
        foreach ((K key, C value) in _map.Entries()) yield return (PartitionOf(key), key, value);
    }

    /// <summary>Within each run of equal (partition, hash), merges the combiners of equal keys.</summary>
    private IEnumerable<(int Partition, K Key, C Value)> CombineEqualKeys(IEnumerable<(int Partition, int Hash, K Key, C Value)> merged)
    {
        var group = new List<(K Key, C Value)>();
        int partition = 0, hash = 0;
        foreach ((int p, int h, K key, C value) in merged)
        {
            if (group.Count > 0 && (p != partition || h != hash))
            {
                foreach ((K k, C c) in group) yield return (partition, k, c);
                group.Clear();
            }
            (partition, hash) = (p, h);
            int match = group.FindIndex(e => _equality.Equals(e.Key, key));
            if (match < 0) group.Add((key, value));
            else group[match] = (group[match].Key, _mergeCombiners(group[match].Value, value));
        }
        foreach ((K k, C c) in group) yield return (partition, k, c);
    }

    public void Dispose()
    {
        foreach (SpillFile spill in _spills) spill.Dispose();
        _spills.Clear();
        _memory.ReleaseAll();
    }
}
