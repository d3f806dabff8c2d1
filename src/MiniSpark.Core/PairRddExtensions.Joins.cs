using MiniSpark.Rdds;

namespace MiniSpark;

// Joins and cogroups: all on CoGroupedRdd, so inputs already placed by an equal partitioner join without a
// shuffle, and every result keeps the partitioner (Spark: cogroup(...).flatMapValues(...)).
public static partial class PairRddExtensions
{
    /// <summary>For each key in either dataset, its values from this dataset and from <paramref name="other"/>.</summary>
    public static Rdd<(K Key, (IReadOnlyList<V> Left, IReadOnlyList<W> Right) Values)> Cogroup<K, V, W>(this Rdd<(K, V)> rdd,
        Rdd<(K, W)> other, int? numPartitions = null, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(other);
        return rdd.Cogroup(other, Partitioners.ForCount(rdd, numPartitions, comparer, other), comparer);
    }

    /// <summary>Like <see cref="Cogroup{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (IReadOnlyList<V> Left, IReadOnlyList<W> Right) Values)> Cogroup<K, V, W>(this Rdd<(K, V)> rdd,
        Rdd<(K, W)> other, Partitioner partitioner, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(partitioner);
        return new CoGroupedRdd<K, V, W>(rdd, other, Partitioners.ForKeys(partitioner, comparer, rdd), comparer).At(nameof(Cogroup));
    }

    /// <summary>For each key in any of three datasets, its values from each.</summary>
    public static Rdd<(K Key, (IReadOnlyList<V> First, IReadOnlyList<W> Second, IReadOnlyList<X> Third) Values)> Cogroup<K, V, W, X>(
        this Rdd<(K, V)> rdd, Rdd<(K, W)> other1, Rdd<(K, X)> other2, int? numPartitions = null, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(other1);
        ArgumentNullException.ThrowIfNull(other2);
        Partitioner partitioner = Partitioners.ForCount(rdd, numPartitions, comparer, other1, other2);
        return new CoGroupedRdd<K, V, W, X>(rdd, other1, other2, partitioner, comparer).At(nameof(Cogroup));
    }

    /// <summary>Every pair of values with equal keys: <c>(k, (v, w))</c> for each v of k here and w of k in <paramref name="other"/>.</summary>
    public static Rdd<(K Key, (V Left, W Right) Values)> Join<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (V, W)>(rdd.Cogroup(other, numPartitions, comparer), InnerPairs, nameof(Join));

    /// <summary>Like <see cref="Join{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (V Left, W Right) Values)> Join<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (V, W)>(rdd.Cogroup(other, partitioner, comparer), InnerPairs, nameof(Join));

    /// <summary>Every value here with each matching value of <paramref name="other"/>, or <see cref="Option{T}.None"/> when there is none.</summary>
    public static Rdd<(K Key, (V Left, Option<W> Right) Values)> LeftOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (V, Option<W>)>(rdd.Cogroup(other, numPartitions, comparer), LeftPairs, nameof(LeftOuterJoin));

    /// <summary>Like <see cref="LeftOuterJoin{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (V Left, Option<W> Right) Values)> LeftOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (V, Option<W>)>(rdd.Cogroup(other, partitioner, comparer), LeftPairs, nameof(LeftOuterJoin));

    /// <summary>Every value of <paramref name="other"/> with each matching value here, or <see cref="Option{T}.None"/> when there is none.</summary>
    public static Rdd<(K Key, (Option<V> Left, W Right) Values)> RightOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (Option<V>, W)>(rdd.Cogroup(other, numPartitions, comparer), RightPairs, nameof(RightOuterJoin));

    /// <summary>Like <see cref="RightOuterJoin{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (Option<V> Left, W Right) Values)> RightOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (Option<V>, W)>(rdd.Cogroup(other, partitioner, comparer), RightPairs, nameof(RightOuterJoin));

    /// <summary>Matching pairs, plus every unmatched value of either side with <see cref="Option{T}.None"/> on the other.</summary>
    public static Rdd<(K Key, (Option<V> Left, Option<W> Right) Values)> FullOuterJoin<K, V, W>(this Rdd<(K, V)> rdd,
        Rdd<(K, W)> other, int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (Option<V>, Option<W>)>(rdd.Cogroup(other, numPartitions, comparer), FullPairs, nameof(FullOuterJoin));

    /// <summary>Like <see cref="FullOuterJoin{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (Option<V> Left, Option<W> Right) Values)> FullOuterJoin<K, V, W>(this Rdd<(K, V)> rdd,
        Rdd<(K, W)> other, Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        FlatMapGroups<K, V, W, (Option<V>, Option<W>)>(rdd.Cogroup(other, partitioner, comparer), FullPairs, nameof(FullOuterJoin));

    private static Rdd<(K, R)> FlatMapGroups<K, V, W, R>(Rdd<(K, (IReadOnlyList<V>, IReadOnlyList<W>))> grouped,
        Func<IReadOnlyList<V>, IReadOnlyList<W>, IEnumerable<R>> pairs, string callSite) =>
        new MapPartitionsRdd<(K, (IReadOnlyList<V>, IReadOnlyList<W>)), (K, R)>(grouped,
            (_, _, records) => ExpandGroups(records, pairs), preservesPartitioning: true).At(callSite);

    private static IEnumerable<(K, R)> ExpandGroups<K, V, W, R>(IEnumerable<(K, (IReadOnlyList<V>, IReadOnlyList<W>))> groups,
        Func<IReadOnlyList<V>, IReadOnlyList<W>, IEnumerable<R>> pairs)
    {
        foreach ((K key, (IReadOnlyList<V> left, IReadOnlyList<W> right)) in groups)
        {
            foreach (R pair in pairs(left, right)) yield return (key, pair);
        }
    }

    private static IEnumerable<(V, W)> InnerPairs<V, W>(IReadOnlyList<V> left, IReadOnlyList<W> right)
    {
        for (int i = 0; i < left.Count; i++)
        {
            for (int j = 0; j < right.Count; j++) yield return (left[i], right[j]);
        }
    }

    private static IEnumerable<(V, Option<W>)> LeftPairs<V, W>(IReadOnlyList<V> left, IReadOnlyList<W> right)
    {
        for (int i = 0; i < left.Count; i++)
        {
            if (right.Count == 0) yield return (left[i], Option<W>.None);
            for (int j = 0; j < right.Count; j++) yield return (left[i], Option.Some(right[j]));
        }
    }

    private static IEnumerable<(Option<V>, W)> RightPairs<V, W>(IReadOnlyList<V> left, IReadOnlyList<W> right)
    {
        for (int j = 0; j < right.Count; j++)
        {
            if (left.Count == 0) yield return (Option<V>.None, right[j]);
            for (int i = 0; i < left.Count; i++) yield return (Option.Some(left[i]), right[j]);
        }
    }

    private static IEnumerable<(Option<V>, Option<W>)> FullPairs<V, W>(IReadOnlyList<V> left, IReadOnlyList<W> right)
    {
        if (left.Count == 0)
        {
            for (int j = 0; j < right.Count; j++) yield return (Option<V>.None, Option.Some(right[j]));
            yield break;
        }
        for (int i = 0; i < left.Count; i++)
        {
            if (right.Count == 0) yield return (Option.Some(left[i]), Option<W>.None);
            for (int j = 0; j < right.Count; j++) yield return (Option.Some(left[i]), Option.Some(right[j]));
        }
    }
}
