namespace MiniSpark.Rdds;

/// <summary>A narrow edge whose child-to-parent partition mapping is a function (Spark's anonymous NarrowDependency
/// subclasses): Cartesian reads one partition of each side, Coalesce a group of parent partitions.</summary>
internal sealed class PartitionMapDependency(Rdd rdd, Func<int, IReadOnlyList<int>> parents) : NarrowDependency(rdd)
{
    public override IReadOnlyList<int> GetParentPartitions(int childPartition) => parents(childPartition);
}
