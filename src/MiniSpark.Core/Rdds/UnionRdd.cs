namespace MiniSpark.Rdds;

/// <summary>The partitions of several datasets, one after another.</summary>
internal sealed class UnionRdd<T>(SparkContext context, IReadOnlyList<Rdd<T>> parents) : Rdd<T>(context)
{
    protected override Partition[] GetPartitionsCore()
    {
        var partitions = new List<Partition>();
        for (int p = 0; p < parents.Count; p++)
        {
            foreach (Partition parentPartition in parents[p].Partitions)
                partitions.Add(new UnionPartition(partitions.Count, p, parentPartition));
        }
        return [.. partitions];
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore()
    {
        var dependencies = new List<Dependency>(parents.Count);
        int offset = 0;
        foreach (Rdd<T> parent in parents)
        {
            dependencies.Add(new RangeDependency(parent, 0, offset, parent.NumPartitions));
            offset += parent.NumPartitions;
        }
        return dependencies;
    }

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context)
    {
        var union = (UnionPartition)split;
        return parents[union.ParentIndex].Iterator(union.ParentPartition, context);
    }

    private sealed class UnionPartition(int index, int parentIndex, Partition parentPartition) : Partition(index)
    {
        public int ParentIndex { get; } = parentIndex;
        public Partition ParentPartition { get; } = parentPartition;
    }
}

/// <summary>The union of datasets that share a partitioner: partition <c>i</c> joins partition <c>i</c> of each,
/// so the result keeps the partitioner and no shuffle is needed downstream.</summary>
internal sealed class PartitionerAwareUnionRdd<T>(SparkContext context, IReadOnlyList<Rdd<T>> parents) : Rdd<T>(context)
{
    public override Partitioner? Partitioner => parents[0].Partitioner;

    protected override Partition[] GetPartitionsCore()
    {
        var partitions = new Partition[parents[0].NumPartitions];
        for (int i = 0; i < partitions.Length; i++) partitions[i] = new Partition(i);
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [.. parents.Select(p => new OneToOneDependency(p))];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context)
    {
        foreach (Rdd<T> parent in parents)
        {
            foreach (T item in parent.Iterator(parent.Partitions[split.Index], context)) yield return item;
        }
    }
}
