using MiniSpark.Shuffle;

namespace MiniSpark.Rdds;

/// <summary>The pairs of the left input whose key is absent from the right input.</summary>
/// <remarks>Only the right side's keys are held in memory; the left side streams through (Spark's SubtractedRDD).</remarks>
internal sealed class SubtractedRdd<K, V, W>(Rdd<(K, V)> left, Rdd<(K, W)> right, Partitioner partitioner, IEqualityComparer<K>? comparer)
    : KeyedPairRdd<K, V, W, V>(left, right, partitioner, comparer)
{
    protected internal override IEnumerable<(K, V)> Compute(Partition split, TaskContext context)
    {
        var present = new CombineMap<K, bool>(Comparer);
        foreach ((K key, W _) in Right.Iterator(Right.Partitions[split.Index], context))
            present.GetValueRefOrAddDefault(key, out _) = true;
        foreach ((K, V) record in Left.Iterator(Left.Partitions[split.Index], context))
        {
            if (!present.ContainsKey(record.Item1)) yield return record;
        }
    }
}
