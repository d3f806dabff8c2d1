namespace MiniSpark.Shuffle;

/// <summary>The three functions of a per-key aggregation (Spark's combineByKey).</summary>
/// <param name="CreateCombiner">Turns a key's first value into a combiner.</param>
/// <param name="MergeValue">Folds another value into a combiner (within a partition).</param>
/// <param name="MergeCombiners">Merges two combiners (across partitions).</param>
internal sealed record Aggregator<V, C>(Func<V, C> CreateCombiner, Func<C, V, C> MergeValue, Func<C, C, C> MergeCombiners);
