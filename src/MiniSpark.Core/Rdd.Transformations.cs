using MiniSpark.Rdds;

namespace MiniSpark;

public abstract partial class Rdd<T>
{
    /// <summary>Applies <paramref name="selector"/> to every record.</summary>
    public Rdd<U> Map<U>(Func<T, U> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new MapPartitionsRdd<T, U>(this, new SelectStep<T, U>(selector)).At(nameof(Map));
    }

    /// <summary>Keeps the records for which <paramref name="predicate"/> is true; keeps the partitioner.</summary>
    public Rdd<T> Filter(Func<T, bool> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return new MapPartitionsRdd<T, T>(this, new WhereStep<T>(predicate), preservesPartitioning: true).At(nameof(Filter));
    }

    /// <summary>Maps every record to zero or more records and flattens the result.</summary>
    public Rdd<U> FlatMap<U>(Func<T, IEnumerable<U>> selector)
    {
        ArgumentNullException.ThrowIfNull(selector);
        return new MapPartitionsRdd<T, U>(this, new SelectManyStep<T, U>(selector)).At(nameof(FlatMap));
    }

    /// <summary>Transforms each partition as a whole (the function sees the partition's records as one sequence).</summary>
    /// <param name="transform">Called once per partition with a lazily read sequence of its records.</param>
    /// <param name="preservesPartitioning">True when <paramref name="transform"/> keeps keys where they are, so the
    /// partitioner carries over (only meaningful for pair datasets).</param>
    public Rdd<U> MapPartitions<U>(Func<IEnumerable<T>, IEnumerable<U>> transform, bool preservesPartitioning = false)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return new MapPartitionsRdd<T, U>(this, (_, _, records) => transform(records), preservesPartitioning)
            .At(nameof(MapPartitions));
    }

    /// <summary>Like <see cref="MapPartitions{U}"/>, also passing the partition index.</summary>
    public Rdd<U> MapPartitionsWithIndex<U>(Func<int, IEnumerable<T>, IEnumerable<U>> transform,
        bool preservesPartitioning = false)
    {
        ArgumentNullException.ThrowIfNull(transform);
        return new MapPartitionsRdd<T, U>(this, (_, index, records) => transform(index, records), preservesPartitioning)
            .At(nameof(MapPartitionsWithIndex));
    }

    /// <summary>Turns each partition into one array of its records.</summary>
    public Rdd<T[]> Glom() =>
        new MapPartitionsRdd<T, T[]>(this, (_, _, records) => [records.ToArray()]).At(nameof(Glom));

    /// <summary>Pairs every record with a key computed from it: <c>(keySelector(x), x)</c>.</summary>
    public Rdd<(K Key, T Value)> KeyBy<K>(Func<T, K> keySelector)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        return new MapPartitionsRdd<T, (K, T)>(this, new SelectStep<T, (K, T)>(x => (keySelector(x), x))).At(nameof(KeyBy));
    }

    /// <summary>The records of this dataset followed by those of <paramref name="other"/> (duplicates kept).</summary>
    /// <remarks>When both share an equal partitioner the result keeps it, partition by partition; otherwise
    /// the result has the partitions of both, in order.</remarks>
    public Rdd<T> Union(Rdd<T> other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Context.Union(this, other);
    }
}
