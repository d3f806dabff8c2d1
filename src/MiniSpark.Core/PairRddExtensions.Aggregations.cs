using MiniSpark.Internal;
using MiniSpark.Rdds;

namespace MiniSpark;

// Per-key aggregations and lookups built on CombineByKey, and the actions that bring keyed results to the caller.
public static partial class PairRddExtensions
{
    /// <summary>Maps every value to zero or more values, keeping keys and the partitioner.</summary>
    public static Rdd<(K Key, U Value)> FlatMapValues<K, V, U>(this Rdd<(K, V)> rdd, Func<V, IEnumerable<U>> selector)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(selector);
        return new MapPartitionsRdd<(K, V), (K, U)>(rdd, (task, _, records) =>
                Iterators.SelectMany(records, r => FlattenValues(r, selector), task),
            preservesPartitioning: true).At(nameof(FlatMapValues));
    }

    private static IEnumerable<(K, U)> FlattenValues<K, V, U>((K, V) record, Func<V, IEnumerable<U>> selector)
    {
        foreach (U result in selector(record.Item2)) yield return (record.Item1, result);
    }

    /// <summary>Folds each key's values with <paramref name="func"/>, starting every key in every partition from
    /// <paramref name="zero"/> (a fresh copy of it when it is mutable, as in Spark).</summary>
    public static Rdd<(K Key, V Value)> FoldByKey<K, V>(this Rdd<(K, V)> rdd, V zero, Func<V, V, V> func,
        int? numPartitions = null, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        return rdd.FoldByKey(zero, Partitioners.ForCount(rdd, numPartitions, comparer), func, comparer);
    }

    /// <summary>Like <see cref="FoldByKey{K,V}(Rdd{ValueTuple{K,V}}, V, Func{V,V,V}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, V Value)> FoldByKey<K, V>(this Rdd<(K, V)> rdd, V zero, Partitioner partitioner,
        Func<V, V, V> func, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(func);
        Func<V> zeros = ZeroValue.Copies(zero, nameof(FoldByKey));
        return rdd.CombineByKey(v => func(zeros(), v), func, func, partitioner, true, comparer).At(nameof(FoldByKey));
    }

    /// <summary>Aggregates each key's values into a <typeparamref name="U"/>: <paramref name="seqOp"/> folds values into an
    /// accumulator that starts from <paramref name="zero"/> per key and partition; <paramref name="combOp"/> merges accumulators.</summary>
    public static Rdd<(K Key, U Value)> AggregateByKey<K, V, U>(this Rdd<(K, V)> rdd, U zero, Func<U, V, U> seqOp,
        Func<U, U, U> combOp, int? numPartitions = null, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        return rdd.AggregateByKey(zero, Partitioners.ForCount(rdd, numPartitions, comparer), seqOp, combOp, comparer);
    }

    /// <summary>Like <see cref="AggregateByKey{K,V,U}(Rdd{ValueTuple{K,V}}, U, Func{U,V,U}, Func{U,U,U}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, U Value)> AggregateByKey<K, V, U>(this Rdd<(K, V)> rdd, U zero, Partitioner partitioner,
        Func<U, V, U> seqOp, Func<U, U, U> combOp, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(seqOp);
        ArgumentNullException.ThrowIfNull(combOp);
        Func<U> zeros = ZeroValue.Copies(zero, nameof(AggregateByKey));
        return rdd.CombineByKey(v => seqOp(zeros(), v), seqOp, combOp, partitioner, true, comparer).At(nameof(AggregateByKey));
    }

    /// <summary>The pairs whose key does not occur in <paramref name="other"/>. Partitions: this dataset's partitioner, else its
    /// partition count (as Spark).</summary>
    public static Rdd<(K Key, V Value)> SubtractByKey<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other, int? numPartitions = null,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(other);
        if (numPartitions is <= 0)
            throw new ArgumentOutOfRangeException(nameof(numPartitions), numPartitions, SR.NotPositive(nameof(numPartitions), numPartitions.Value));
        Partitioner partitioner = numPartitions is null && rdd.Partitioner is { } own
            ? Partitioners.ForKeys(own, comparer, rdd)
            : HashPartitioner.Create(numPartitions ?? Math.Max(rdd.NumPartitions, 1), comparer);
        return rdd.SubtractByKey(other, partitioner, comparer);
    }

    /// <summary>The pairs whose key does not occur in <paramref name="other"/>, placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, V Value)> SubtractByKey<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other, Partitioner partitioner,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(partitioner);
        return new SubtractedRdd<K, V, W>(rdd, other, Partitioners.ForKeys(partitioner, comparer, rdd), comparer).At(nameof(SubtractByKey));
    }

    /// <summary>How many pairs each key has (counted per task before the shuffle).</summary>
    public static IReadOnlyDictionary<K, long> CountByKey<K, V>(this Rdd<(K, V)> rdd, IEqualityComparer<K>? comparer = null) =>
        CountByKeyCore(rdd, comparer, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="CountByKey{K,V}"/>.</summary>
    public static Task<IReadOnlyDictionary<K, long>> CountByKeyAsync<K, V>(this Rdd<(K, V)> rdd, IEqualityComparer<K>? comparer = null,
        CancellationToken cancellationToken = default) =>
        CountByKeyCore(rdd, comparer, false, cancellationToken).AsTask();

    private static async ValueTask<IReadOnlyDictionary<K, long>> CountByKeyCore<K, V>(Rdd<(K, V)> rdd, IEqualityComparer<K>? comparer,
        bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        Rdd<(K Key, long Value)> counts = rdd.MapValues(static _ => 1L).ReduceByKey(static (a, b) => a + b, null, comparer);
        (K Key, long Value)[] pairs = sync ? counts.Collect() : await counts.CollectAsync(cancellationToken).ConfigureAwait(false);
        var result = new NullableKeyDictionary<K, long>(comparer);
        foreach ((K key, long count) in pairs) result.Set(key, count);
        return result;
    }

    /// <summary>The pairs as a dictionary; where a key has several values, one of them is kept (as in Spark).</summary>
    public static IReadOnlyDictionary<K, V> CollectAsMap<K, V>(this Rdd<(K, V)> rdd, IEqualityComparer<K>? comparer = null) =>
        ToMap(rdd.Collect(), comparer);

    /// <summary>Asynchronous form of <see cref="CollectAsMap{K,V}"/>.</summary>
    public static async Task<IReadOnlyDictionary<K, V>> CollectAsMapAsync<K, V>(this Rdd<(K, V)> rdd, IEqualityComparer<K>? comparer = null,
        CancellationToken cancellationToken = default) =>
        ToMap(await rdd.CollectAsync(cancellationToken).ConfigureAwait(false), comparer);

    private static NullableKeyDictionary<K, V> ToMap<K, V>((K, V)[] pairs, IEqualityComparer<K>? comparer)
    {
        var map = new NullableKeyDictionary<K, V>(comparer);
        foreach ((K key, V value) in pairs) map.Set(key, value);
        return map;
    }

    /// <summary>The values of <paramref name="key"/>. With a known partitioner only the key's partition is read.</summary>
    public static IReadOnlyList<V> Lookup<K, V>(this Rdd<(K, V)> rdd, K key, IEqualityComparer<K>? comparer = null) =>
        LookupCore(rdd, key, comparer, true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Lookup{K,V}"/>.</summary>
    public static Task<IReadOnlyList<V>> LookupAsync<K, V>(this Rdd<(K, V)> rdd, K key, IEqualityComparer<K>? comparer = null,
        CancellationToken cancellationToken = default) =>
        LookupCore(rdd, key, comparer, false, cancellationToken).AsTask();

    private static async ValueTask<IReadOnlyList<V>> LookupCore<K, V>(Rdd<(K, V)> rdd, K key, IEqualityComparer<K>? comparer,
        bool sync, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        IEqualityComparer<K> equality = comparer ?? EqualityComparer<K>.Default;
        int[]? partitions = rdd.Partitioner is { } partitioner ? [partitioner.GetPartition(key)] : null;
        Func<TaskContext, IEnumerable<(K, V)>, List<V>> matches = (_, records) =>
        {
            var found = new List<V>();
            foreach ((K k, V v) in records)
            {
                if (equality.Equals(k, key)) found.Add(v);
            }
            return found;
        };
        Task<List<V>[]> job = rdd.Context.RunJobAsync(rdd, matches, partitions, nameof(Lookup), cancellationToken);
        List<V>[] parts = sync ? job.GetAwaiter().GetResult() : await job.ConfigureAwait(false);
        return [.. parts.SelectMany(p => p)];
    }
}
