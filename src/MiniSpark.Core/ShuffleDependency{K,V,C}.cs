using MiniSpark.Shuffle;

namespace MiniSpark;

/// <summary>A shuffle of <c>(K, V)</c> records, optionally aggregated into <c>(K, C)</c>.</summary>
/// <remarks>
/// With map-side combine, each map task folds its records into one hash map per task (one lookup per record)
/// and only then splits the distinct keys into per-reducer buckets, so a reducer merges combiners rather than
/// values and no group is ever materialised.
/// With a key ordering, each reducer sorts its output by key (sorting shuffles: SortByKey and friends).
/// </remarks>
internal sealed class ShuffleDependency<K, V, C> : ShuffleDependency
{
    internal ShuffleDependency(Rdd<(K, V)> rdd, Partitioner partitioner, Aggregator<V, C>? aggregator, bool mapSideCombine,
        IEqualityComparer<K>? keyComparer, IComparer<K>? keyOrdering = null)
        : base(rdd, partitioner)
    {
        if (mapSideCombine && aggregator is null)
            throw new ArgumentException("Map-side combine needs an aggregator.", nameof(mapSideCombine));
        Parent = rdd;
        Aggregator = aggregator;
        MapSideCombine = mapSideCombine;
        KeyComparer = keyComparer;
        KeyOrdering = keyOrdering;
    }

    public Rdd<(K, V)> Parent { get; }

    public Aggregator<V, C>? Aggregator { get; }

    public override bool MapSideCombine { get; }

    public IEqualityComparer<K>? KeyComparer { get; }

    /// <summary>When set, every reduce partition's output is sorted by key with it (null keys included: it must
    /// handle them).</summary>
    public IComparer<K>? KeyOrdering { get; }

    internal override MapOutput WriteMapOutput(Partition partition, TaskContext context)
    {
        IEnumerable<(K, V)> records = Parent.Iterator(partition, context);
        return MapSideCombine ? WriteCombined(records, context) : WriteRecords(records, context);
    }

    private MapOutput WriteCombined(IEnumerable<(K, V)> records, TaskContext context)
    {
        Aggregator<V, C> aggregator = Aggregator!;
        Func<V, C> create = aggregator.CreateCombiner;
        Func<C, V, C> merge = aggregator.MergeValue;
        var map = new CombineMap<K, C>(KeyComparer);
        foreach ((K key, V value) in records)
        {
            ref C? slot = ref map.GetValueRefOrAddDefault(key, out bool exists);
            slot = exists ? merge(slot!, value) : create(value);
        }

        // Partitioning per distinct key rather than per record: one hash per key.
        int numReducers = Partitioner.NumPartitions;
        var buckets = new List<(K, C)>?[numReducers];
        var counts = new long[numReducers];
        foreach ((K key, C combiner) in map.Entries())
        {
            int p = Partitioner.GetPartition(key);
            (buckets[p] ??= []).Add((key, combiner));
            counts[p]++;
        }
        context.Metrics.AddRecordsWritten(map.Count);
        return new MapOutput(buckets, counts);
    }

    private MapOutput WriteRecords(IEnumerable<(K, V)> records, TaskContext context)
    {
        int numReducers = Partitioner.NumPartitions;
        var buckets = new List<(K, V)>?[numReducers];
        var counts = new long[numReducers];
        long written = 0;
        foreach ((K, V) record in records)
        {
            int p = Partitioner.GetPartition(record.Item1);
            (buckets[p] ??= []).Add(record);
            counts[p]++;
            written++;
        }
        context.Metrics.AddRecordsWritten(written);
        return new MapOutput(buckets, counts);
    }
}
