using MiniSpark.Internal;
using MiniSpark.Rdds;

namespace MiniSpark;

public sealed partial class SparkContext
{
    /// <summary>Distributes a local collection over <paramref name="numSlices"/> partitions (default: <see cref="DefaultParallelism"/>).</summary>
    /// <remarks>The collection is copied when this is called; slice <c>i</c> of <c>n</c> elements over <c>k</c> slices
    /// holds elements <c>[i·n/k, (i+1)·n/k)</c>, as in Spark.</remarks>
    public Rdd<T> Parallelize<T>(IEnumerable<T> data, int? numSlices = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        ThrowIfStopped();
        int slices = CheckPartitionCount(numSlices, nameof(numSlices));
        return new ParallelCollectionRdd<T>(this, [.. data], slices).At(nameof(Parallelize));
    }

    /// <summary>The longs from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive) by
    /// <paramref name="step"/>, computed lazily in each partition.</summary>
    /// <exception cref="ArgumentException"><paramref name="step"/> is 0.</exception>
    public Rdd<long> Range(long start, long end, long step = 1, int? numSlices = null)
    {
        if (step == 0) throw new ArgumentException("The step of a range cannot be 0.", nameof(step));
        ThrowIfStopped();
        int slices = CheckPartitionCount(numSlices, nameof(numSlices));
        RangeRdd.CountOf(start, end, step); // fail now, not at the action, when the range is too long
        return new RangeRdd(this, start, end, step, slices).At(nameof(Range));
    }

    /// <summary>The records of every dataset in <paramref name="rdds"/>, one after another.</summary>
    /// <remarks>When all share an equal, non-null partitioner, partition <c>i</c> of the result holds partition <c>i</c>
    /// of each and keeps the partitioner; otherwise the result has all their partitions, in order.</remarks>
    public Rdd<T> Union<T>(params Rdd<T>[] rdds)
    {
        ArgumentNullException.ThrowIfNull(rdds);
        ThrowIfStopped();
        if (rdds.Length == 0) return EmptyRdd<T>();
        foreach (Rdd<T> rdd in rdds)
        {
            ArgumentNullException.ThrowIfNull(rdd, nameof(rdds));
            if (!ReferenceEquals(rdd.Context, this))
                throw new ArgumentException($"{rdd} belongs to another SparkContext.", nameof(rdds));
        }
        Partitioner? first = rdds[0].Partitioner;
        bool copartitioned = first is not null && rdds.All(r => first.Equals(r.Partitioner));
        Rdd<T> union = copartitioned
            ? new PartitionerAwareUnionRdd<T>(this, [.. rdds])
            : new UnionRdd<T>(this, [.. rdds]);
        return union.At(nameof(Union));
    }

    /// <summary>A dataset with no partitions and no records.</summary>
    public Rdd<T> EmptyRdd<T>()
    {
        ThrowIfStopped();
        return new EmptyRdd<T>(this).At(nameof(EmptyRdd));
    }

    internal int CheckPartitionCount(int? requested, string parameterName)
    {
        if (requested is null) return DefaultParallelism;
        if (requested <= 0) throw new ArgumentOutOfRangeException(parameterName, requested, SR.NotPositive(parameterName, requested.Value));
        return requested.Value;
    }
}
