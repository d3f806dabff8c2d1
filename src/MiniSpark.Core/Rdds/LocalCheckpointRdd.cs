using MiniSpark.Storage;

namespace MiniSpark.Rdds;

/// <summary>The lineage a locally checkpointed dataset is left with: its blocks in the block manager, and nothing to
/// recompute them from.</summary>
internal sealed class LocalCheckpointRdd<T>(SparkContext context, int rddId, int numPartitions, Partitioner? partitioner)
    : Rdd<T>(context)
{
    public override Partitioner? Partitioner => partitioner;

    protected override Partition[] GetPartitionsCore() => Partition.Indexed(numPartitions);

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context)
    {
        var block = new RddBlockId(rddId, split.Index);
        if (Context.BlockManager.TryGet(block, out IEnumerable<T> values)) return values;
        throw new InvalidOperationException(
            $"Block {block} of locally checkpointed dataset {rddId} is lost, and a local checkpoint cut the lineage that could " +
            "recompute it. Use Checkpoint() (reliable, written to the checkpoint directory) when partitions must survive " +
            "eviction, unpersisting or lost files.");
    }
}
