namespace MiniSpark.Shuffle;

/// <summary>What one map task wrote: one bucket of records per reduce partition, kept as objects in memory.</summary>
/// <param name="Buckets">Per reduce partition, a <c>List&lt;(K, V)&gt;</c> (or combiners) or null when empty.</param>
/// <param name="RecordCounts">Records per bucket.</param>
internal sealed record MapOutput(object?[] Buckets, long[] RecordCounts)
{
    public int NumReducers => Buckets.Length;
}
