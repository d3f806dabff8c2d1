namespace MiniSpark.Rdds;

/// <summary>Fewer partitions without a shuffle: each partition reads a contiguous group of parent partitions.</summary>
/// <remarks>
/// Spark's DefaultPartitionCoalescer when the parent has no preferred locations (always, in one process): group
/// <c>i</c> of <c>k</c> over <c>n</c> parent partitions is <c>[i·n/k, (i+1)·n/k)</c>, so group sizes differ by at
/// most one and the records keep their order. Asking for at least as many partitions as the parent has gives one
/// group per parent partition: coalescing never grows a dataset.
/// </remarks>
internal sealed class CoalescedRdd<T>(Rdd<T> parent, int maxPartitions) : Rdd<T>(parent.Context)
{
    protected override Partition[] GetPartitionsCore()
    {
        int parentCount = parent.NumPartitions;
        int count = Math.Min(maxPartitions, parentCount);
        var partitions = new Partition[count];
        for (int i = 0; i < count; i++)
        {
            int start = (int)((long)i * parentCount / count);
            int end = (int)((long)(i + 1) * parentCount / count);
            partitions[i] = new CoalescedPartition(i, [.. Enumerable.Range(start, end - start)]);
        }
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() =>
        [new PartitionMapDependency(parent, child => ((CoalescedPartition)Partitions[child]).ParentIndices)];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context)
    {
        foreach (int index in ((CoalescedPartition)split).ParentIndices)
        {
            foreach (T item in parent.Iterator(parent.Partitions[index], context)) yield return item;
        }
    }

    private sealed class CoalescedPartition(int index, int[] parentIndices) : Partition(index)
    {
        public IReadOnlyList<int> ParentIndices { get; } = parentIndices;

        public override string ToString() => $"CoalescedPartition({Index}: [{string.Join(", ", ParentIndices)}])";
    }
}
