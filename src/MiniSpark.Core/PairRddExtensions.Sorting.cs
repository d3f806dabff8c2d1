using MiniSpark.Rdds;
using MiniSpark.Sorting;

namespace MiniSpark;

// Sorting operations on pairs: a shuffle whose reducers sort their output by key.
public static partial class PairRddExtensions
{
    /// <summary>The pairs sorted by key: partition 0 holds the smallest keys (largest when descending) and each partition
    /// is sorted, so <c>Collect()</c> returns a total order.</summary>
    /// <remarks>
    /// <para>As in Spark, this runs a job now to sample the keys for a <see cref="RangePartitioner{K}"/> (the result's
    /// <see cref="Rdd.Partitioner"/>), which balances partitions even on skewed keys; records then move in one shuffle.</para>
    /// <para>Null keys sort before every other key: first ascending, last descending. Pairs with equal keys keep the
    /// order of their input partitions.</para>
    /// </remarks>
    /// <param name="rdd">The pairs.</param>
    /// <param name="ascending">Smallest keys first (true) or largest first.</param>
    /// <param name="numPartitions">Partitions of the result (default: the input's count). There may be fewer: the
    /// range partitioner makes no more ranges than the sample has distinct keys, and one when the data is empty.</param>
    /// <param name="comparer">Orders keys; null for their natural order. The comparer never sees a null key.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numPartitions"/> is not positive.</exception>
    /// <exception cref="ArgumentException">No comparer is given and <typeparamref name="K"/> has no natural order.</exception>
    public static Rdd<(K Key, V Value)> SortByKey<K, V>(this Rdd<(K, V)> rdd, bool ascending = true, int? numPartitions = null,
        IComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        if (numPartitions is <= 0)
            throw new ArgumentOutOfRangeException(nameof(numPartitions), numPartitions,
                Internal.SR.NotPositive(nameof(numPartitions), numPartitions.Value));
        IComparer<K> resolved = KeyOrdering<K>.Resolve(comparer, nameof(comparer));
        RangePartitioner<K> partitioner = RangePartitioner.Create(numPartitions ?? rdd.NumPartitions, rdd, ascending, resolved);
        return new ShuffledRdd<K, V, V>(rdd, partitioner, null, false, null, new KeyOrdering<K>(resolved, ascending))
            .At(nameof(SortByKey));
    }

    /// <summary>Places pairs with <paramref name="partitioner"/> and sorts each partition by key, in one shuffle
    /// (cheaper than partitioning, then sorting each partition).</summary>
    /// <remarks>When the input is already placed by an equal partitioner, only sorts each partition (no shuffle).
    /// The result keeps <paramref name="partitioner"/>. Null keys sort first; pairs with equal keys keep their input order.</remarks>
    /// <param name="rdd">The pairs.</param>
    /// <param name="partitioner">Places keys.</param>
    /// <param name="comparer">Orders keys within a partition; null for their natural order.</param>
    /// <exception cref="ArgumentException">No comparer is given and <typeparamref name="K"/> has no natural order.</exception>
    public static Rdd<(K Key, V Value)> RepartitionAndSortWithinPartitions<K, V>(this Rdd<(K, V)> rdd, Partitioner partitioner,
        IComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(rdd);
        ArgumentNullException.ThrowIfNull(partitioner);
        var ordering = new KeyOrdering<K>(KeyOrdering<K>.Resolve(comparer, nameof(comparer)), ascending: true);
        if (partitioner.Equals(rdd.Partitioner))
        {
            return new MapPartitionsRdd<(K, V), (K, V)>(rdd, (_, _, records) => StableSort.Sorted(records, ordering),
                preservesPartitioning: true).At(nameof(RepartitionAndSortWithinPartitions));
        }
        return new ShuffledRdd<K, V, V>(rdd, partitioner, null, false, null, ordering).At(nameof(RepartitionAndSortWithinPartitions));
    }
}
