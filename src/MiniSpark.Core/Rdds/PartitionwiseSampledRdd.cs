using MiniSpark.Sampling;

namespace MiniSpark.Rdds;

/// <summary>Samples each parent partition independently with a generator seeded from <c>seed + partition index</c>.</summary>
/// <remarks>The seed is fixed when the dataset is defined, so recomputing a partition (a retry, a second action)
/// picks the same records. Keys do not move, so the partitioner carries over.</remarks>
internal sealed class PartitionwiseSampledRdd<T>(Rdd<T> parent, IRandomSampler sampler, long seed) : Rdd<T>(parent.Context)
{
    public override Partitioner? Partitioner => parent.Partitioner;

    protected override Partition[] GetPartitionsCore() => [.. parent.Partitions];

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(parent)];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context) =>
        sampler.Sample(parent.Iterator(split, context), new XorShiftRandom(unchecked(seed + split.Index)));
}
