namespace MiniSpark.Rdds;

/// <summary>The arithmetic sequence <c>start, start + step, ...</c> below <c>end</c> (above, for a negative step), computed lazily.</summary>
internal sealed class RangeRdd(SparkContext context, long start, long end, long step, int numSlices) : Rdd<long>(context)
{
    /// <summary>Element count, exact even where <c>end - start</c> overflows a long.</summary>
    public static long CountOf(long start, long end, long step)
    {
        Int128 span = (Int128)end - start;
        if (span == 0 || (span > 0) != (step > 0)) return 0;
        Int128 count = (span + step + (step > 0 ? -1 : 1)) / step;
        return count > long.MaxValue
            ? throw new ArgumentException($"Range({start}, {end}, {step}) has more than {long.MaxValue} elements.")
            : (long)count;
    }

    protected override Partition[] GetPartitionsCore()
    {
        long count = CountOf(start, end, step);
        var partitions = new Partition[numSlices];
        for (int i = 0; i < numSlices; i++)
        {
            long first = (long)((Int128)count * i / numSlices);
            long last = (long)((Int128)count * (i + 1) / numSlices);
            partitions[i] = new RangePartition(i, first, last);
        }
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<long> Compute(Partition split, TaskContext context)
    {
        var range = (RangePartition)split;
        context.Metrics.AddRecordsRead(range.EndIndex - range.StartIndex);
        return Read(start + range.StartIndex * step, range.EndIndex - range.StartIndex, step, context.CancellationToken);
    }

    private static IEnumerable<long> Read(long first, long count, long step, CancellationToken token)
    {
        long value = first;
        for (long i = 0; i < count; i++)
        {
            if ((i & 1023) == 0) token.ThrowIfCancellationRequested();
            yield return value;
            value = unchecked(value + step); // the step past the last element may overflow; it is never yielded
        }
    }

    private sealed class RangePartition(int index, long startIndex, long endIndex) : Partition(index)
    {
        public long StartIndex { get; } = startIndex;
        public long EndIndex { get; } = endIndex;
    }
}
