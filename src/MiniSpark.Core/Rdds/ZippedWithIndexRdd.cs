namespace MiniSpark.Rdds;

/// <summary>Numbers records 0, 1, 2, … in partition order: partition <c>i</c> starts after the records of partitions
/// before it, counted by ZipWithIndex before this dataset is built (Spark's ZippedWithIndexRDD).</summary>
internal sealed class ZippedWithIndexRdd<T>(Rdd<T> parent, long[] startIndices) : Rdd<(T Item, long Index)>(parent.Context)
{
    protected override Partition[] GetPartitionsCore() => [.. parent.Partitions];

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(parent)];

    protected internal override IEnumerable<(T Item, long Index)> Compute(Partition split, TaskContext context)
    {
        long index = startIndices[split.Index];
        foreach (T item in parent.Iterator(split, context)) yield return (item, index++);
    }
}
