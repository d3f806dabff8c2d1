namespace MiniSpark.Rdds;

/// <summary>A local collection cut into slices, like Spark's ParallelCollectionRDD.</summary>
/// <remarks>The data is copied once at definition, so later changes to the caller's collection do not leak in.</remarks>
internal sealed class ParallelCollectionRdd<T>(SparkContext context, T[] data, int numSlices) : Rdd<T>(context)
{
    protected override Partition[] GetPartitionsCore()
    {
        var partitions = new Partition[numSlices];
        for (int i = 0; i < numSlices; i++)
        {
            // Spark's positions: slice i covers [i * n / k, (i + 1) * n / k).
            int start = (int)((long)i * data.Length / numSlices);
            int end = (int)((long)(i + 1) * data.Length / numSlices);
            partitions[i] = new SlicePartition(i, start, end);
        }
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context)
    {
        var slice = (SlicePartition)split;
        context.Metrics.AddRecordsRead(slice.End - slice.Start);
        return Read(data, slice.Start, slice.End, context.CancellationToken);
    }

    private static IEnumerable<T> Read(T[] data, int start, int end, CancellationToken token)
    {
        for (int i = start; i < end; i++)
        {
            if ((i & 1023) == 0) token.ThrowIfCancellationRequested();
            yield return data[i];
        }
    }

    private sealed class SlicePartition(int index, int start, int end) : Partition(index)
    {
        public int Start { get; } = start;
        public int End { get; } = end;
    }
}
