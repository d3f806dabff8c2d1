using MiniSpark.Rdds;
using MiniSpark.Shuffle;

namespace MiniSpark;

/// <summary>Key-based operations on datasets of pairs, <c>Rdd&lt;(K, V)&gt;</c>.</summary>
/// <remarks>
/// <para>Every aggregation goes through <see cref="CombineByKey{K,V,C}(Rdd{ValueTuple{K,V}}, Func{V,C}, Func{C,V,C}, Func{C,C,C}, Partitioner?, bool, IEqualityComparer{K}?)"/>:
/// values are combined per key inside each map task first, so only one combiner per distinct key and task crosses the shuffle.</para>
/// <para>The optional <c>comparer</c> decides which keys are equal, and also where they are placed, so keys it calls equal meet
/// in one partition. A null key is a key like any other.</para>
/// <para>When no partition count is given, the result uses the input's partitioner if it has one, else
/// <c>spark.default.parallelism</c> if set, else the input's partition count (as Spark does).</para>
/// </remarks>
public static partial class PairRddExtensions
{
    /// <summary>The keys of every pair.</summary>
    public static Rdd<K> Keys<K, V>(this Rdd<(K, V)> rdd)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        return new MapPartitionsRdd<(K, V), K>(rdd, (_, _, records) => Iterators.Select(records, static r => r.Item1)).At(nameof(Keys));
    }

    /// <summary>The values of every pair.</summary>
    public static Rdd<V> Values<K, V>(this Rdd<(K, V)> rdd)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        return new MapPartitionsRdd<(K, V), V>(rdd, (_, _, records) => Iterators.Select(records, static r => r.Item2)).At(nameof(Values));
    }

    /// <summary>Applies <paramref name="selector"/> to every value, keeping keys and the partitioner.</summary>
    public static Rdd<(K Key, U Value)> MapValues<K, V, U>(this Rdd<(K, V)> rdd, Func<V, U> selector)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(selector);
        return new MapPartitionsRdd<(K, V), (K, U)>(rdd, new SelectStep<(K, V), (K, U)>(r => (r.Item1, selector(r.Item2))),
                preservesPartitioning: true)
            .At(nameof(MapValues));
    }

    /// <summary>The general per-key aggregation: turns each key's values into one combiner of type <typeparamref name="C"/>.</summary>
    /// <param name="rdd">The pairs.</param>
    /// <param name="createCombiner">Makes a combiner from a key's first value in a partition.</param>
    /// <param name="mergeValue">Folds another value of the same partition into a combiner.</param>
    /// <param name="mergeCombiners">Merges combiners from different partitions.</param>
    /// <param name="partitioner">Places keys in the result; null for the default (see the class remarks).</param>
    /// <param name="mapSideCombine">Whether to combine before the shuffle (true unless combining cannot shrink the data).</param>
    /// <param name="comparer">Decides which keys are equal; null for the keys' own equality.</param>
    public static Rdd<(K Key, C Value)> CombineByKey<K, V, C>(this Rdd<(K, V)> rdd, Func<V, C> createCombiner,
        Func<C, V, C> mergeValue, Func<C, C, C> mergeCombiners, Partitioner? partitioner = null, bool mapSideCombine = true,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(createCombiner);
        ArgumentNullException.ThrowIfNull(mergeValue);
        ArgumentNullException.ThrowIfNull(mergeCombiners);
        var aggregator = new Aggregator<V, C>(createCombiner, mergeValue, mergeCombiners);
        Partitioner target = Partitioners.ForKeys(partitioner, comparer, rdd);
        if (target.Equals(rdd.Partitioner))
        {
            // Already placed by an equal partitioner: every key's values are in one partition; no shuffle.
            return new MapPartitionsRdd<(K, V), (K, C)>(rdd,
                (_, _, records) => CombineLocally(records, aggregator, comparer), preservesPartitioning: true).At(nameof(CombineByKey));
        }
        return new ShuffledRdd<K, V, C>(rdd, target, aggregator, mapSideCombine, comparer).At(nameof(CombineByKey));
    }

    /// <summary><see cref="CombineByKey{K,V,C}(Rdd{ValueTuple{K,V}}, Func{V,C}, Func{C,V,C}, Func{C,C,C}, Partitioner?, bool, IEqualityComparer{K}?)"/>
    /// into <paramref name="numPartitions"/> hash partitions.</summary>
    public static Rdd<(K Key, C Value)> CombineByKey<K, V, C>(this Rdd<(K, V)> rdd, Func<V, C> createCombiner,
        Func<C, V, C> mergeValue, Func<C, C, C> mergeCombiners, int numPartitions, IEqualityComparer<K>? comparer = null) =>
        rdd.CombineByKey(createCombiner, mergeValue, mergeCombiners, HashPartitioner.Create(CheckCount(numPartitions), comparer),
            true, comparer);

    /// <summary>Merges each key's values with <paramref name="func"/> (associative and commutative), combining inside
    /// each map task before the shuffle.</summary>
    public static Rdd<(K Key, V Value)> ReduceByKey<K, V>(this Rdd<(K, V)> rdd, Func<V, V, V> func, int? numPartitions = null,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        return rdd.ReduceByKey(Partitioners.ForCount(rdd, numPartitions, comparer), func, comparer).At(nameof(ReduceByKey));
    }

    /// <summary>Merges each key's values with <paramref name="func"/>, placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, V Value)> ReduceByKey<K, V>(this Rdd<(K, V)> rdd, Partitioner partitioner, Func<V, V, V> func,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(partitioner);
        ArgumentNullException.ThrowIfNull(func);
        return rdd.CombineByKey(static v => v, func, func, partitioner, true, comparer).At(nameof(ReduceByKey));
    }

    /// <summary>Groups each key's values into one list.</summary>
    /// <remarks>Every value crosses the shuffle (combining cannot shrink lists); prefer <see cref="ReduceByKey{K,V}(Rdd{ValueTuple{K,V}}, Func{V,V,V}, int?, IEqualityComparer{K}?)"/>
    /// or <c>CombineByKey</c> when the groups are only aggregated.</remarks>
    public static Rdd<(K Key, IReadOnlyList<V> Values)> GroupByKey<K, V>(this Rdd<(K, V)> rdd, int? numPartitions = null,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        return rdd.GroupByKey(Partitioners.ForCount(rdd, numPartitions, comparer), comparer).At(nameof(GroupByKey));
    }

    /// <summary>Groups each key's values into one list, placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, IReadOnlyList<V> Values)> GroupByKey<K, V>(this Rdd<(K, V)> rdd, Partitioner partitioner,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(partitioner);
        Rdd<(K Key, List<V> Values)> grouped = rdd.CombineByKey(
            static v => new List<V> { v },
            static (list, v) => { list.Add(v); return list; },
            static (left, right) => { left.AddRange(right); return left; },
            partitioner, mapSideCombine: false, comparer);
        return new MapPartitionsRdd<(K, List<V>), (K, IReadOnlyList<V>)>(grouped,
            (_, _, records) => Iterators.Select(records, static r => (r.Item1, (IReadOnlyList<V>)r.Item2)), preservesPartitioning: true)
            .At(nameof(GroupByKey));
    }

    /// <summary>Places every pair by its key with <paramref name="partitioner"/> (returns the input when already so placed).</summary>
    public static Rdd<(K Key, V Value)> PartitionBy<K, V>(this Rdd<(K, V)> rdd, Partitioner partitioner)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(partitioner);
        if (partitioner.Equals(rdd.Partitioner)) return rdd;
        return new ShuffledRdd<K, V, V>(rdd, partitioner, null, false, null).At(nameof(PartitionBy));
    }

    private static IEnumerable<(K, C)> CombineLocally<K, V, C>(IEnumerable<(K, V)> records, Aggregator<V, C> aggregator,
        IEqualityComparer<K>? comparer)
    {
        var map = new CombineMap<K, C>(comparer);
        foreach ((K key, V value) in records)
        {
            ref C? slot = ref map.GetValueRefOrAddDefault(key, out bool exists);
            slot = exists ? aggregator.MergeValue(slot!, value) : aggregator.CreateCombiner(value);
        }
        return map.Entries();
    }

    private static int CheckCount(int numPartitions) =>
        numPartitions > 0 ? numPartitions : throw new ArgumentOutOfRangeException(nameof(numPartitions), numPartitions,
            Internal.SR.NotPositive(nameof(numPartitions), numPartitions));
}
