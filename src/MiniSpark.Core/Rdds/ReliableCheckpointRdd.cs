using MiniSpark.Checkpointing;

namespace MiniSpark.Rdds;

/// <summary>Reads a checkpointed dataset back from its partition files; it has no parents.</summary>
internal sealed class ReliableCheckpointRdd<T>(SparkContext context, string directory, int numPartitions, Partitioner? partitioner)
    : Rdd<T>(context)
{
    public override Partitioner? Partitioner => partitioner;

    protected override Partition[] GetPartitionsCore()
    {
        var partitions = new Partition[numPartitions];
        for (int i = 0; i < numPartitions; i++) partitions[i] = new Partition(i);
        return partitions;
    }

    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [];

    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context) =>
        Iterators.Interruptible(CheckpointFiles.Read<T>(directory, split.Index), context);
}
