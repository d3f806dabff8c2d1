using MiniSpark.Rdds;

namespace MiniSpark;

// Joins and cogroups. Inputs already placed by an equal partitioner are read without a shuffle, and every result
// keeps the partitioner, as Spark's cogroup(...).flatMapValues(...) does; joins use a per-partition hash join
// (HashJoinRdd) rather than grouping both sides.
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
    /// <remarks>Each partition of <paramref name="other"/> is held in a hash table while this side streams through it.</remarks>
    public static Rdd<(K Key, (V Left, W Right) Values)> Join<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        HashJoin(rdd, other, ForJoin(rdd, other, numPartitions, comparer), comparer, JoinKind.Inner, static (v, w) => (v, w), null, null, nameof(Join));

    /// <summary>Like <see cref="Join{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (V Left, W Right) Values)> Join<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        HashJoin(rdd, other, partitioner, comparer, JoinKind.Inner, static (v, w) => (v, w), null, null, nameof(Join));

    /// <summary>Every value here with each matching value of <paramref name="other"/>, or <see cref="Option{T}.None"/> when there is none.</summary>
    public static Rdd<(K Key, (V Left, Option<W> Right) Values)> LeftOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        rdd.LeftOuterJoin(other, ForJoin(rdd, other, numPartitions, comparer), comparer);

    /// <summary>Like <see cref="LeftOuterJoin{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (V Left, Option<W> Right) Values)> LeftOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        HashJoin(rdd, other, partitioner, comparer, JoinKind.LeftOuter, static (v, w) => (v, Option.Some(w)),
            static v => (v, Option<W>.None), null, nameof(LeftOuterJoin));

    /// <summary>Every value of <paramref name="other"/> with each matching value here, or <see cref="Option{T}.None"/> when there is none.</summary>
    public static Rdd<(K Key, (Option<V> Left, W Right) Values)> RightOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        rdd.RightOuterJoin(other, ForJoin(rdd, other, numPartitions, comparer), comparer);

    /// <summary>Like <see cref="RightOuterJoin{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (Option<V> Left, W Right) Values)> RightOuterJoin<K, V, W>(this Rdd<(K, V)> rdd, Rdd<(K, W)> other,
        Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        HashJoin(rdd, other, partitioner, comparer, JoinKind.RightOuter, static (v, w) => (Option.Some(v), w),
            null, static w => (Option<V>.None, w), nameof(RightOuterJoin));

    /// <summary>Matching pairs, plus every unmatched value of either side with <see cref="Option{T}.None"/> on the other.</summary>
    public static Rdd<(K Key, (Option<V> Left, Option<W> Right) Values)> FullOuterJoin<K, V, W>(this Rdd<(K, V)> rdd,
        Rdd<(K, W)> other, int? numPartitions = null, IEqualityComparer<K>? comparer = null) =>
        rdd.FullOuterJoin(other, ForJoin(rdd, other, numPartitions, comparer), comparer);

    /// <summary>Like <see cref="FullOuterJoin{K,V,W}(Rdd{ValueTuple{K,V}}, Rdd{ValueTuple{K,W}}, int?, IEqualityComparer{K}?)"/>,
    /// placing keys with <paramref name="partitioner"/>.</summary>
    public static Rdd<(K Key, (Option<V> Left, Option<W> Right) Values)> FullOuterJoin<K, V, W>(this Rdd<(K, V)> rdd,
        Rdd<(K, W)> other, Partitioner partitioner, IEqualityComparer<K>? comparer = null) =>
        HashJoin(rdd, other, partitioner, comparer, JoinKind.FullOuter, static (v, w) => (Option.Some(v), Option.Some(w)),
            static v => (Option.Some(v), Option<W>.None), static w => (Option<V>.None, Option.Some(w)), nameof(FullOuterJoin));

    private static Partitioner ForJoin<K, V, W>(Rdd<(K, V)> rdd, Rdd<(K, W)> other, int? numPartitions, IEqualityComparer<K>? comparer)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(other);
        return Partitioners.ForCount(rdd, numPartitions, comparer, other);
    }

    private static Rdd<(K, R)> HashJoin<K, V, W, R>(Rdd<(K, V)> rdd, Rdd<(K, W)> other, Partitioner partitioner,
        IEqualityComparer<K>? comparer, JoinKind kind, Func<V, W, R> matched, Func<V, R>? leftOnly, Func<W, R>? rightOnly,
        string callSite)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(other);
        ArgumentNullException.ThrowIfNull(partitioner);
        return new HashJoinRdd<K, V, W, R>(rdd, other, Partitioners.ForKeys(partitioner, comparer, rdd), comparer, kind,
            matched, leftOnly, rightOnly).At(callSite);
    }
}
