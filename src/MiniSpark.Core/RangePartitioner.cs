namespace MiniSpark;

/// <summary>Places keys by range: partition <c>i</c> holds keys between two sampled bounds, so partitions are
/// ordered and roughly equal in size. Sorting uses it; <see cref="RangePartitioner{K}"/> is the implementation.</summary>
/// <remarks>
/// <para>This non-generic base lets code that does not know the key type recognise a range partitioner
/// (<c>rdd.Partitioner is RangePartitioner</c>); <see cref="Create{K,V}"/> builds one from a dataset's keys.</para>
/// <para>As in Spark, building one runs a job that samples the keys (and possibly a second job that re-samples
/// partitions much larger than the others), and it may have fewer partitions than requested when the data has
/// fewer distinct keys.</para>
/// </remarks>
public abstract class RangePartitioner : Partitioner
{
    // Only RangePartitioner<K> derives: the class is the non-generic face of one implementation.
    private protected RangePartitioner() { }

    /// <summary>Whether partition 0 holds the smallest keys (true) or the largest (false).</summary>
    public abstract bool Ascending { get; }

    /// <summary>Samples the keys of <paramref name="rdd"/> (one job, Spark's algorithm) and returns a partitioner over at
    /// most <paramref name="partitions"/> ranges of roughly equal size.</summary>
    /// <param name="partitions">The partition count wanted; 0 or 1 gives one partition. Fewer result when the sample
    /// has fewer distinct keys.</param>
    /// <param name="rdd">The pairs whose keys are sampled.</param>
    /// <param name="ascending">Whether partition 0 holds the smallest keys.</param>
    /// <param name="comparer">Orders keys; null for their natural order. Null keys always sort before every other key.</param>
    /// <param name="samplePointsPerPartition">Sample points per output partition (Spark's hint, 20).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="partitions"/> is negative or
    /// <paramref name="samplePointsPerPartition"/> is not positive.</exception>
    /// <exception cref="ArgumentException">No comparer is given and <typeparamref name="K"/> has no natural order.</exception>
    public static RangePartitioner<K> Create<K, V>(int partitions, Rdd<(K, V)> rdd, bool ascending = true,
        IComparer<K>? comparer = null, int samplePointsPerPartition = 20) =>
        RangePartitioner<K>.SampleAsync(partitions, rdd, ascending, comparer, samplePointsPerPartition, true, default)
            .GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Create{K,V}"/>.</summary>
    public static Task<RangePartitioner<K>> CreateAsync<K, V>(int partitions, Rdd<(K, V)> rdd, bool ascending = true,
        IComparer<K>? comparer = null, int samplePointsPerPartition = 20, CancellationToken cancellationToken = default) =>
        RangePartitioner<K>.SampleAsync(partitions, rdd, ascending, comparer, samplePointsPerPartition, false, cancellationToken)
            .AsTask();
}
