namespace MiniSpark;

/// <summary>Spreads keys by hash code: the default partitioner of every key-based operation.</summary>
/// <remarks>
/// A null key goes to partition 0. String hash codes are randomised per process in .NET, so placement
/// is stable within one process only, which is all an in-process engine needs. An operation given a
/// custom equality comparer partitions with that comparer's hash codes, so keys it calls equal meet.
/// </remarks>
public sealed class HashPartitioner : Partitioner
{
    // The comparer's hash for a boxed key. Captured where TKey is known: a user's comparer often implements only
    // IEqualityComparer<TKey>, and the untyped GetPartition must place keys exactly where the typed one does.
    private readonly Func<object, int>? _untypedHash;

    /// <summary>Creates a hash partitioner over <paramref name="numPartitions"/> partitions.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numPartitions"/> is not positive.</exception>
    public HashPartitioner(int numPartitions) : this(numPartitions, null, null) { }

    private HashPartitioner(int numPartitions, object? comparer, Func<object, int>? untypedHash)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numPartitions);
        NumPartitions = numPartitions;
        Comparer = comparer;
        _untypedHash = untypedHash;
    }

    /// <inheritdoc/>
    public override int NumPartitions { get; }

    /// <summary>The <see cref="IEqualityComparer{T}"/> whose hash codes place keys; null for the keys' own.</summary>
    internal object? Comparer { get; }

    /// <summary>A partitioner with the same count that hashes with <paramref name="comparer"/>.</summary>
    internal static HashPartitioner Create<TKey>(int numPartitions, IEqualityComparer<TKey>? comparer) =>
        comparer is null || ReferenceEquals(comparer, EqualityComparer<TKey>.Default)
            ? new HashPartitioner(numPartitions)
            : new HashPartitioner(numPartitions, comparer,
                // A key of another type equals no TKey key, so its own hash code places it as well as any.
                key => key is TKey typed ? comparer.GetHashCode(typed) : key.GetHashCode());

    /// <inheritdoc/>
    public override int GetPartition(object? key) => key switch
    {
        null => 0,
        _ when _untypedHash is not null => Bucket(_untypedHash(key)),
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
