using MiniSpark.Rdds;

namespace MiniSpark;

public abstract partial class Rdd<T>
{
    /// <summary>The records sorted by the key <paramref name="keySelector"/> computes: a total order across partitions
    /// (partition 0 first), balanced by a sampled <see cref="RangePartitioner{K}"/>.</summary>
    /// <remarks>Like Spark's <c>keyBy(f).sortByKey(...).values</c>: sampling the keys runs a job now, and
    /// <paramref name="keySelector"/> runs again in the shuffle. Records with equal keys keep no particular order.
    /// The result has no partitioner (its records are not pairs).</remarks>
    /// <param name="keySelector">Computes the sort key of a record.</param>
    /// <param name="ascending">Smallest keys first (true) or largest first.</param>
    /// <param name="numPartitions">Partitions of the result (default: this dataset's count); fewer when there are fewer
    /// distinct keys.</param>
    /// <param name="comparer">Orders keys; null for their natural order. Null keys come first ascending, last descending.</param>
    /// <exception cref="ArgumentException">No comparer is given and <typeparamref name="K"/> has no natural order.</exception>
    public Rdd<T> SortBy<K>(Func<T, K> keySelector, bool ascending = true, int? numPartitions = null, IComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        Rdd<(K Key, T Value)> sorted = KeyBy(keySelector).SortByKey(ascending, numPartitions, comparer);
        return new MapPartitionsRdd<(K, T), T>(sorted, static (_, _, records) => Iterators.Select(records, static r => r.Item2))
            .At(nameof(SortBy));
    }
}
