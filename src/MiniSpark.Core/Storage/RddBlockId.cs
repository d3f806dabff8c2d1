namespace MiniSpark.Storage;

/// <summary>Names one stored partition of one dataset, or (with a negative <see cref="RddId"/>) one in-memory map output
/// of a shuffle, so the memory store can hold and evict both under one budget.</summary>
internal readonly record struct RddBlockId(int RddId, int Partition)
{
    /// <summary>The block of one map output: the shuffle takes the place of the dataset (so eviction is LRU by shuffle too).</summary>
    public static RddBlockId ForMapOutput(int shuffleId, int outputId) => new(-1 - shuffleId, outputId);

    public string FileName => $"rdd_{RddId}_{Partition}";

    public override string ToString() => FileName;
}
