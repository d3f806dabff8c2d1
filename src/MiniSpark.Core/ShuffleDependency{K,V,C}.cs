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
        // As in Spark: arrays compare by reference, so equal array keys would neither meet in one partition nor merge.
        bool defaultEquality = keyComparer is null || ReferenceEquals(keyComparer, EqualityComparer<K>.Default);
        if (typeof(K).IsArray && defaultEquality && (aggregator is not null || partitioner is HashPartitioner))
            throw new NotSupportedException(Internal.SR.ArrayKeys(typeof(K)));
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
        string spillDirectory = Parent.Context.LocalDirectoryPath;
        MapOutput output = MapSideCombine
            ? WriteCombined(records, context, spillDirectory)
            : WriteRecords(records, context, spillDirectory);
        context.Metrics.ShuffleBytesWritten += output.Bytes;
        return output;
    }

    /// <summary>Combines per key in one spillable map per task, then places each distinct key once.</summary>
    private MapOutput WriteCombined(IEnumerable<(K, V)> records, TaskContext context, string spillDirectory)
    {
        Aggregator<V, C> aggregator = Aggregator!;
        Partitioner partitioner = Partitioner;
        using var map = new SpillableCombineMap<K, V, C>(aggregator.CreateCombiner, aggregator.MergeValue, aggregator.MergeCombiners,
            KeyComparer, key => partitioner.GetPartition(key), context, spillDirectory);
        foreach ((K key, V value) in records) map.Insert(key, value);

        int numReducers = partitioner.NumPartitions;
        var counts = new long[numReducers];
        var checksums = new long[numReducers];
        IEqualityComparer<K> keys = KeyComparer ?? EqualityComparer<K>.Default;
        if (map.HasSpilled)
        {
            // Spilled: the merged result arrives grouped by reducer; stream it into one segment per reducer.
            var file = SpillFile.Create(spillDirectory, "map-output");
            try
            {
                using var merged = new MergedCursor(map.Result().GetEnumerator());
                for (int r = 0; r < numReducers; r++) file.WriteSegment(TakePartition(merged, r, counts, checksums, keys));
            }
            catch
            {
                file.Dispose();
                throw;
            }
            context.Metrics.AddRecordsWritten(counts.Sum());
            return new MapOutput<(K, C)>(file.Seal(), counts, checksums);
        }

        var buckets = new List<(K, C)>?[numReducers];
        foreach ((int p, K key, C combiner) in map.Result())
        {
            (buckets[p] ??= []).Add((key, combiner));
            counts[p]++;
            checksums[p] += OutputChecksum.Record(key, combiner, keys);
        }
        context.Metrics.AddRecordsWritten(counts.Sum());
        return Parent.Context.BlockManager.PutMapOutput(ShuffleId, buckets, counts, checksums);
    }

    /// <summary>The merged records of one reducer: the run at the cursor while its partition is <paramref name="reducer"/>.</summary>
    private static IEnumerable<(K, C)> TakePartition(MergedCursor merged, int reducer, long[] counts, long[] checksums,
        IEqualityComparer<K> keys)
    {
        while (merged.HasCurrent && merged.Current.Partition == reducer)
        {
            (int _, K key, C value) = merged.Current;
            counts[reducer]++;
            checksums[reducer] += OutputChecksum.Record(key, value, keys);
            yield return (key, value);
            merged.Advance();
        }
    }

    /// <summary>A merged result grouped by partition, read one partition's run at a time.</summary>
    private sealed class MergedCursor : IDisposable
    {
        private readonly IEnumerator<(int Partition, K Key, C Value)> _records;

        public MergedCursor(IEnumerator<(int Partition, K Key, C Value)> records)
        {
            _records = records;
            Advance();
        }

        public bool HasCurrent { get; private set; }

        public (int Partition, K Key, C Value) Current => _records.Current;

        public void Advance() => HasCurrent = _records.MoveNext();

        public void Dispose() => _records.Dispose();
    }

    /// <summary>Places every record by its key; buckets spill to disk when the budget says no.</summary>
    private MapOutput WriteRecords(IEnumerable<(K, V)> records, TaskContext context, string spillDirectory)
    {
        Partitioner partitioner = Partitioner;
        IEqualityComparer<K> keys = KeyComparer ?? EqualityComparer<K>.Default;
        using var buckets = new SpillableBuckets<(K, V)>(partitioner.NumPartitions, r => OutputChecksum.Record(r.Item1, r.Item2, keys),
            context, spillDirectory);
        foreach ((K, V) record in records) buckets.Add(partitioner.GetPartition(record.Item1), record);
        context.Metrics.AddRecordsWritten(buckets.Counts.Sum());
        (List<(K, V)>?[]? inMemory, SpillFile? onDisk) = buckets.Finish();
        return onDisk is not null
            ? new MapOutput<(K, V)>(onDisk, buckets.Counts, buckets.Checksums)
            : Parent.Context.BlockManager.PutMapOutput(ShuffleId, inMemory!, buckets.Counts, buckets.Checksums);
    }
}
