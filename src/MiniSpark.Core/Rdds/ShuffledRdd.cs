using MiniSpark.Shuffle;

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

    protected override Partition[] GetPartitionsCore() => Partition.Indexed(Partitioner.NumPartitions);

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [_dependency];

    protected internal override IEnumerable<(K, C)> Compute(Partition split, TaskContext context)
    {
        MapOutput[] outputs = Context.MapOutputs.GetOutputs(_dependency.ShuffleId, split.Index);
        foreach (MapOutput output in outputs) context.Metrics.ShuffleBytesRead += output.Bytes / Math.Max(1, output.NumReducers);
        Aggregator<V, C>? aggregator = _dependency.Aggregator;
        string spillDirectory = Context.LocalDirectoryPath;
        IEnumerable<(K, C)> records = aggregator is null
            ? Read<(K, C)>(outputs, split.Index, context) // without an aggregator C is V: the buckets hold the records
            : _dependency.MapSideCombine
                ? Combine(Read<(K, C)>(outputs, split.Index, context), static c => c, aggregator.MergeCombiners, aggregator, context, spillDirectory)
                : Combine(Read<(K, V)>(outputs, split.Index, context), aggregator.CreateCombiner, aggregator.MergeValue, aggregator, context,
                    spillDirectory);
        if (_dependency.KeyOrdering is { } ordering) records = SortSpilling(records, ordering, context, spillDirectory);
        // Shuffle reads observe cancellation themselves (Read); only the merged or sorted output needs the wrapper.
        return aggregator is null && _dependency.KeyOrdering is null ? records : Iterators.Interruptible(records, context);
    }

    private IEnumerable<T> Read<T>(MapOutput[] outputs, int reduceId, TaskContext context)
    {
        CancellationToken token = context.CancellationToken;
        for (int map = 0; map < outputs.Length; map++)
        {
            var typed = (MapOutput<T>)outputs[map];
            context.Metrics.AddRecordsRead(typed.RecordCounts[reduceId]);
            if (typed.TryGetBucket(reduceId, out List<T>? bucket))
            {
                // In memory: an indexed loop, no enumerator interface calls per record (the hot path of every shuffle).
                if (bucket is null) continue;
                for (int i = 0; i < bucket.Count; i++)
                {
                    if ((i & 1023) == 0) token.ThrowIfCancellationRequested();
                    yield return bucket[i];
                }
                continue;
            }
            // Released or damaged meanwhile (another reducer's fetch failure, a lost file): a lost output, not the user's
            // failure, so the scheduler recomputes it. Opening the output can fail as well as reading it.
            IEnumerator<T> opened;
            try
            {
                opened = typed.Read(reduceId).GetEnumerator();
            }
            catch (Exception e) when (IsLostOutput(e))
            {
                throw FetchFailed(map, reduceId, typed, e);
            }
            using IEnumerator<T> records = opened;
            int sinceCheck = 0;
            while (true)
            {
                try
                {
                    if (!records.MoveNext()) break;
                }
                catch (Exception e) when (IsLostOutput(e))
                {
                    throw FetchFailed(map, reduceId, typed, e);
                }
                if (++sinceCheck == 1024)
                {
                    sinceCheck = 0;
                    token.ThrowIfCancellationRequested();
                }
                yield return records.Current;
            }
        }
    }

    private static bool IsLostOutput(Exception e) => e is IOException or InvalidDataException or InvalidOperationException;

    private FetchFailedException FetchFailed(int map, int reduceId, MapOutput output, Exception e) =>
        new(_dependency.ShuffleId, map, reduceId, output,
            $"Reading map output {map} of shuffle {_dependency.ShuffleId} for reduce partition {reduceId} failed: {e.Message}", e);

    /// <summary>Merges per key in a spillable map; the reduce side of ReduceByKey, CombineByKey and GroupByKey.</summary>
    private IEnumerable<(K, C)> Combine<X>(IEnumerable<(K, X)> records, Func<X, C> create, Func<C, X, C> merge,
        Aggregator<V, C> aggregator, TaskContext context, string spillDirectory)
    {
        using var map = new SpillableCombineMap<K, X, C>(create, merge, aggregator.MergeCombiners, _dependency.KeyComparer, null,
            context, spillDirectory);
        foreach ((K key, X value) in records) map.Insert(key, value);
        foreach ((int _, K key, C value) in map.Result()) yield return (key, value);
    }

    /// <summary>Sorts stably by key; equal keys keep map order. Spills sorted runs when the budget says no.</summary>
    private static IEnumerable<(K, C)> SortSpilling(IEnumerable<(K, C)> records, IComparer<K> ordering, TaskContext context,
        string spillDirectory)
    {
        using var sorter = new ExternalSorter<K, C>(ordering, context, spillDirectory);
        foreach ((K, C) record in records) sorter.Add(record);
        foreach ((K, C) record in sorter.Sorted()) yield return record;
    }
}
