using MiniSpark.Internal;
using MiniSpark.Rdds;
using MiniSpark.Sampling;

namespace MiniSpark;

// Operators that change how records are laid out across partitions or pair them up (Spark's coalesce, repartition,
// cartesian, zip, zipWithIndex, zipWithUniqueId).
public abstract partial class Rdd<T>
{
    /// <summary>Reduces the dataset to <paramref name="numPartitions"/> partitions.</summary>
    /// <remarks>
    /// <para>Without a shuffle (the default) each new partition reads a contiguous group of old ones, with group sizes
    /// differing by at most one: no data moves between tasks and the order of records is kept. As in Spark, it cannot
    /// grow the dataset: asking for more partitions than there are keeps the current count.</para>
    /// <para>With <paramref name="shuffle"/> true, records are dealt round-robin into exactly <paramref name="numPartitions"/>
    /// partitions, each input partition starting at a position drawn from its index, so results are even and
    /// repeatable; this can grow the partition count and rebalance skewed partitions.</para>
    /// <para>The result has no partitioner.</para>
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numPartitions"/> is not positive.</exception>
    public Rdd<T> Coalesce(int numPartitions, bool shuffle = false)
    {
        if (numPartitions <= 0)
            throw new ArgumentOutOfRangeException(nameof(numPartitions), numPartitions, SR.NotPositive(nameof(numPartitions), numPartitions));
        if (!shuffle) return new CoalescedRdd<T>(this, numPartitions).At(nameof(Coalesce));

        var keyed = new MapPartitionsRdd<T, (int, T)>(this,
            (_, index, records) => DealRoundRobin(index, records, numPartitions)).At(nameof(Coalesce));
        // An int key's hash is itself: HashPartitioner sends key k (in [0, n)) to partition k.
        var shuffled = new ShuffledRdd<int, T, T>(keyed, new HashPartitioner(numPartitions), null, false, null).At(nameof(Coalesce));
        return new MapPartitionsRdd<(int, T), T>(shuffled,
            static (_, _, records) => Iterators.Select(records, static r => r.Item2)).At(nameof(Coalesce));
    }

    /// <summary>Exactly <paramref name="numPartitions"/> partitions of about equal size, by a shuffle:
    /// <c>Coalesce(numPartitions, shuffle: true)</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numPartitions"/> is not positive.</exception>
    public Rdd<T> Repartition(int numPartitions) => Coalesce(numPartitions, shuffle: true).At(nameof(Repartition));

    private static IEnumerable<(int, T)> DealRoundRobin(int partitionIndex, IEnumerable<T> records, int numPartitions)
    {
        // Seeded by the partition index, as Spark does: a retried task deals its records to the same partitions,
        // and different input partitions start at different places, so small ones do not all fill partition 0.
        int position = new XorShiftRandom(partitionIndex).NextInt(numPartitions);
        foreach (T record in records)
        {
            position = position + 1 == numPartitions ? 0 : position + 1;
            yield return (position, record);
        }
    }

    /// <summary>Every pair <c>(x, y)</c> of a record <c>x</c> of this dataset and a record <c>y</c> of <paramref name="other"/>.</summary>
    /// <remarks>The result has <c>NumPartitions × other.NumPartitions</c> partitions: partition <c>i·m + j</c> pairs
    /// partition <c>i</c> of this dataset with partition <c>j</c> of <paramref name="other"/> (<c>m</c> partitions).
    /// No partitioner. Each task holds one partition of <paramref name="other"/> in memory.</remarks>
    public Rdd<(T, U)> Cartesian<U>(Rdd<U> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckSameContext(other, nameof(other));
        return new CartesianRdd<T, U>(this, other).At(nameof(Cartesian));
    }

    /// <summary>Pairs the i-th record of this dataset with the i-th record of <paramref name="other"/>.</summary>
    /// <remarks>Both must have the same number of partitions, and the same number of records in each partition;
    /// a mismatch in a partition fails the action with an <see cref="InvalidOperationException"/> naming it
    /// (the inner exception of the <see cref="SparkJobException"/>). Same partitions as this dataset; no partitioner.</remarks>
    /// <exception cref="ArgumentException">The partition counts differ.</exception>
    public Rdd<(T, U)> Zip<U>(Rdd<U> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        CheckSameContext(other, nameof(other));
        if (other.NumPartitions != NumPartitions)
        {
            throw new ArgumentException(
                $"Can only zip datasets with the same number of partitions: {this} has {NumPartitions}, {other} has {other.NumPartitions}.",
                nameof(other));
        }
        return new ZippedPartitionsRdd<T, U>(this, other).At(nameof(Zip));
    }

    /// <summary>Pairs every record with its position in the dataset: 0, 1, 2, … in partition order.</summary>
    /// <remarks>As in Spark, this runs a job now, to count the records of every partition but the last, unless there
    /// is only one partition. The indices follow the order records are computed in, so the dataset must compute
    /// them in the same order every time (sort it first if not). Same partitions; no partitioner.</remarks>
    public Rdd<(T Item, long Index)> ZipWithIndex()
    {
        int n = NumPartitions;
        long[] starts = new long[n];
        if (n > 1)
        {
            long[] counts = Context.RunJob(this, static (_, records) => CountRecords(records), [.. Enumerable.Range(0, n - 1)],
                nameof(ZipWithIndex));
            for (int i = 1; i < n; i++) starts[i] = starts[i - 1] + counts[i - 1];
        }
        return new ZippedWithIndexRdd<T>(this, starts).At(nameof(ZipWithIndex));
    }

    /// <summary>Pairs every record with a unique id: the k-th record of partition i (of n) gets <c>i + k·n</c>.</summary>
    /// <remarks>Runs no job (unlike <see cref="ZipWithIndex"/>); ids have gaps when partitions differ in size.
    /// Same partitions; no partitioner.</remarks>
    public Rdd<(T Item, long Index)> ZipWithUniqueId()
    {
        long n = NumPartitions;
        return new MapPartitionsRdd<T, (T, long)>(this, (_, index, records) => NumberUniquely(records, index, n))
            .At(nameof(ZipWithUniqueId));
    }

    private static IEnumerable<(T, long)> NumberUniquely(IEnumerable<T> records, long partitionIndex, long partitionCount)
    {
        long id = partitionIndex;
        foreach (T record in records)
        {
            yield return (record, id);
            id += partitionCount;
        }
    }

    private void CheckSameContext(Rdd other, string parameterName)
    {
        if (!ReferenceEquals(other.Context, Context))
            throw new ArgumentException($"{other} belongs to another SparkContext.", parameterName);
    }
}
