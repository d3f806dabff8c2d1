namespace MiniSpark;

/// <summary>Maps each key of a pair dataset to a partition.</summary>
/// <remarks>
/// Partitioners have value equality: two datasets partitioned by equal partitioners are co-partitioned,
/// so joining or cogrouping them needs no shuffle.
/// </remarks>
public abstract class Partitioner
{
    /// <summary>How many partitions keys are spread over.</summary>
    public abstract int NumPartitions { get; }

    /// <summary>The partition, in <c>[0, NumPartitions)</c>, that <paramref name="key"/> belongs to.</summary>
    public abstract int GetPartition(object? key);

    /// <summary>Typed form of <see cref="GetPartition(object?)"/>, overridden to avoid boxing keys on hot paths.</summary>
    internal virtual int GetPartition<TKey>(TKey key) => GetPartition((object?)key);

    /// <inheritdoc/>
    public abstract override bool Equals(object? obj);

    /// <inheritdoc/>
    public abstract override int GetHashCode();
}
