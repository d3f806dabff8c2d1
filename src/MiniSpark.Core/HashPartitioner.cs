using System.Collections;

namespace MiniSpark;

/// <summary>Spreads keys by hash code: the default partitioner of every key-based operation.</summary>
/// <remarks>
/// A null key goes to partition 0. String hash codes are randomised per process in .NET, so placement
/// is stable within one process only, which is all an in-process engine needs. An operation given a
/// custom equality comparer partitions with that comparer's hash codes, so keys it calls equal meet.
/// </remarks>
public sealed class HashPartitioner : Partitioner
{
    /// <summary>Creates a hash partitioner over <paramref name="numPartitions"/> partitions.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numPartitions"/> is not positive.</exception>
    public HashPartitioner(int numPartitions) : this(numPartitions, null) { }

    private HashPartitioner(int numPartitions, object? comparer)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numPartitions);
        NumPartitions = numPartitions;
        Comparer = comparer;
    }

    /// <inheritdoc/>
    public override int NumPartitions { get; }

    /// <summary>The <see cref="IEqualityComparer{T}"/> whose hash codes place keys; null for the keys' own.</summary>
    internal object? Comparer { get; }

    /// <summary>A partitioner with the same count that hashes with <paramref name="comparer"/>.</summary>
    internal static HashPartitioner Create<TKey>(int numPartitions, IEqualityComparer<TKey>? comparer) =>
        comparer is null || ReferenceEquals(comparer, EqualityComparer<TKey>.Default)
            ? new HashPartitioner(numPartitions)
            : new HashPartitioner(numPartitions, comparer);

    /// <inheritdoc/>
    public override int GetPartition(object? key) => key switch
    {
        null => 0,
        _ when Comparer is IEqualityComparer untyped => Bucket(untyped.GetHashCode(key)),
        _ => Bucket(key.GetHashCode()),
    };

    internal override int GetPartition<TKey>(TKey key)
    {
        if (key is null) return 0;
        if (Comparer is IEqualityComparer<TKey> typed) return Bucket(typed.GetHashCode(key));
        if (Comparer is not null) return GetPartition((object?)key);
        return Bucket(EqualityComparer<TKey>.Default.GetHashCode(key));
    }

    // Unsigned modulo: negative hash codes must not yield negative partitions.
    private int Bucket(int hash) => (int)((uint)hash % (uint)NumPartitions);

    /// <inheritdoc/>
    public override bool Equals(object? obj) =>
        obj is HashPartitioner other && other.NumPartitions == NumPartitions && Equals(other.Comparer, Comparer);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(NumPartitions, Comparer);

    /// <inheritdoc/>
    public override string ToString() => $"HashPartitioner({NumPartitions})";
}
