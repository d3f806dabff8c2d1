namespace MiniSpark.Shuffle;

/// <summary>A reducer could not read a map output (lost, or its file missing or corrupt). Not the user's fault and not
/// retried as a task failure: the scheduler recomputes the map output from lineage and reruns the reducer.</summary>
internal sealed class FetchFailedException(int shuffleId, int mapIndex, int reduceId, MapOutput? output, string message,
    Exception? innerException = null) : Exception(message, innerException)
{
    public int ShuffleId { get; } = shuffleId;
    public int MapIndex { get; } = mapIndex;
    public int ReduceId { get; } = reduceId;

    /// <summary>The output that failed (null when none was registered), so only that one is discarded.</summary>
    public MapOutput? Output { get; } = output;
}
