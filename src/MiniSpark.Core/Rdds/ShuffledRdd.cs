using MiniSpark.Shuffle;
using MiniSpark.Sorting;

namespace MiniSpark.Rdds;

/// <summary>The reduce side of a shuffle: reads its bucket from every map output and, with an aggregator, merges per key;
/// with a key ordering, sorts the partition's output by key.</summary>
internal sealed class ShuffledRdd<K, V, C> : Rdd<(K, C)>
{
    private ShuffleDependency<K, V, C> _dependency;

    public ShuffledRdd(Rdd<(K, V)> parent, Partitioner partitioner, Aggregator<V, C>? aggregator, bool mapSideCombine,
        IEqualityComparer<K>? keyComparer, IComparer<K>? keyOrdering = null) : base(parent.Context)
    {
        _dependency = new ShuffleDependency<K, V, C>(parent, partitioner, aggregator, mapSideCombine, keyComparer, keyOrdering);
        Partitioner = partitioner;
    }

    // Unreachable afterwards: the cleaner can then drop the shuffle's outputs.
    protected override void ClearDependencies() => _dependency = null!;

    public override Partitioner Partitioner { get; }

    protected override Partition[] GetPartitionsCore()
    {
        var partitions = new Partition[Partitioner.NumPartitions];
        for (int i = 0; i < partitions.Length; i++) partitions[i] = new Partition(i);
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [_dependency];

    protected internal override IEnumerable<(K, C)> Compute(Partition split, TaskContext context)
    {
        MapOutput[] outputs = Context.MapOutputs.GetOutputs(_dependency.ShuffleId, split.Index);
        Aggregator<V, C>? aggregator = _dependency.Aggregator;
        IEnumerable<(K, C)> records = aggregator is null ? Concatenate(outputs, split.Index, context)
            : _dependency.MapSideCombine ? MergeCombiners(outputs, split.Index, aggregator, context)
            : CombineValues(outputs, split.Index, aggregator, context);
        // Sorted after merging: a stable sort of the concatenated buckets keeps equal keys in map order.
        // Everything is in memory already (the shuffle is); spilling sorted runs comes with the spilling shuffle.
        if (_dependency.KeyOrdering is { } ordering) records = StableSort.Sorted(records, ordering);
        return Iterators.Interruptible(records, context);
    }

    // Without an aggregator C is V: the buckets hold the records themselves.
    private static IEnumerable<(K, C)> Concatenate(MapOutput[] outputs, int reduceId, TaskContext context)
    {
        foreach (MapOutput output in outputs)
        {
            if (output.Buckets[reduceId] is not List<(K, C)> bucket) continue;
            context.Metrics.AddRecordsRead(bucket.Count);
            foreach ((K, C) record in bucket) yield return record;
        }
    }

    private IEnumerable<(K, C)> MergeCombiners(MapOutput[] outputs, int reduceId, Aggregator<V, C> aggregator, TaskContext context)
    {
        var map = new CombineMap<K, C>(_dependency.KeyComparer);
        Func<C, C, C> merge = aggregator.MergeCombiners;
        foreach (MapOutput output in outputs)
        {
            if (output.Buckets[reduceId] is not List<(K, C)> bucket) continue;
            context.Metrics.AddRecordsRead(bucket.Count);
            foreach ((K key, C combiner) in bucket)
            {
                ref C? slot = ref map.GetValueRefOrAddDefault(key, out bool exists);
                slot = exists ? merge(slot!, combiner) : combiner;
            }
        }
        return map.Entries();
    }

    private IEnumerable<(K, C)> CombineValues(MapOutput[] outputs, int reduceId, Aggregator<V, C> aggregator, TaskContext context)
    {
        var map = new CombineMap<K, C>(_dependency.KeyComparer);
        Func<V, C> create = aggregator.CreateCombiner;
        Func<C, V, C> merge = aggregator.MergeValue;
        foreach (MapOutput output in outputs)
        {
            if (output.Buckets[reduceId] is not List<(K, V)> bucket) continue;
            context.Metrics.AddRecordsRead(bucket.Count);
            foreach ((K key, V value) in bucket)
            {
                ref C? slot = ref map.GetValueRefOrAddDefault(key, out bool exists);
                slot = exists ? merge(slot!, value) : create(value);
            }
        }
        return map.Entries();
    }
}
