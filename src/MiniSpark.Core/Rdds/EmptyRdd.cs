namespace MiniSpark.Rdds;

/// <summary>A dataset with no partitions and no records.</summary>
internal sealed class EmptyRdd<T>(SparkContext context) : Rdd<T>(context)
{
    protected override Partition[] GetPartitionsCore() => [];

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context) =>
        throw new InvalidOperationException("An empty dataset has no partitions to compute.");
}
