namespace MiniSpark;

// Operations that treat records as keys: distinct, set algebra, grouping, counting, extremes.
public abstract partial class Rdd<T>
{
    /// <summary>The distinct records (by <paramref name="comparer"/>, default equality when null).</summary>
    public Rdd<T> Distinct(int? numPartitions = null, IEqualityComparer<T>? comparer = null) =>
        AsKeys().ReduceByKey(static (a, _) => a, numPartitions, comparer).Keys().At(nameof(Distinct));

    /// <summary>The distinct records present in both this dataset and <paramref name="other"/>.</summary>
    public Rdd<T> Intersection(Rdd<T> other, int? numPartitions = null, IEqualityComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AsKeys().Cogroup(other.AsKeys(), numPartitions, comparer)
            .Filter(static g => g.Values.Left.Count > 0 && g.Values.Right.Count > 0)
            .Keys()
            .At(nameof(Intersection));
    }

    /// <summary>The records of this dataset that do not occur in <paramref name="other"/> (duplicates kept, as in Spark).</summary>
    public Rdd<T> Subtract(Rdd<T> other, int? numPartitions = null, IEqualityComparer<T>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(other);
        return AsKeys().SubtractByKey(other.AsKeys(), numPartitions ?? Math.Max(NumPartitions, 1), comparer).Keys().At(nameof(Subtract));
    }

    /// <summary>Groups records by a key: one <see cref="Grouping{K,T}"/> (the key and its records) per distinct key.</summary>
    /// <remarks>Every record crosses the shuffle; when the groups are only aggregated, prefer
    /// <c>KeyBy(keySelector).ReduceByKey(...)</c> or <c>AggregateByKey</c>. Use <c>KeyBy(keySelector).GroupByKey()</c>
    /// for pairs that key-based operations continue on.</remarks>
    public Rdd<Grouping<K, T>> GroupBy<K>(Func<T, K> keySelector, int? numPartitions = null, IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        return KeyBy(keySelector).GroupByKey(numPartitions, comparer)
            .Map(static g => new Grouping<K, T>(g.Key, g.Values)).At(nameof(GroupBy));
    }

    /// <summary>How many times each distinct record occurs (counted per task before the shuffle).</summary>
    public IReadOnlyDictionary<T, long> CountByValue(IEqualityComparer<T>? comparer = null) =>
        Map(static x => (x, 1L)).CountByKey(comparer);

    /// <summary>Asynchronous form of <see cref="CountByValue"/>.</summary>
    public Task<IReadOnlyDictionary<T, long>> CountByValueAsync(IEqualityComparer<T>? comparer = null,
        CancellationToken cancellationToken = default) =>
        Map(static x => (x, 1L)).CountByKeyAsync(comparer, cancellationToken);

    /// <summary>The largest record by <paramref name="comparer"/> (default: the natural order).</summary>
    /// <exception cref="InvalidOperationException">The dataset is empty.</exception>
    public T Max(IComparer<T>? comparer = null) =>
        ReduceCore(Larger(ResolveComparer(comparer)), nameof(Max), true, default).GetAwaiter().GetResult();

    /// <summary>The smallest record by <paramref name="comparer"/> (default: the natural order).</summary>
    /// <exception cref="InvalidOperationException">The dataset is empty.</exception>
    public T Min(IComparer<T>? comparer = null) =>
        ReduceCore(Larger(Reverse(ResolveComparer(comparer))), nameof(Min), true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Max"/>.</summary>
    public Task<T> MaxAsync(IComparer<T>? comparer = null, CancellationToken cancellationToken = default) =>
        ReduceCore(Larger(ResolveComparer(comparer)), nameof(Max), false, cancellationToken).AsTask();

    /// <summary>Asynchronous form of <see cref="Min"/>.</summary>
    public Task<T> MinAsync(IComparer<T>? comparer = null, CancellationToken cancellationToken = default) =>
        ReduceCore(Larger(Reverse(ResolveComparer(comparer))), nameof(Min), false, cancellationToken).AsTask();

    private static Func<T, T, T> Larger(IComparer<T> comparer) => (a, b) => comparer.Compare(a, b) >= 0 ? a : b;

    private Rdd<(T, byte)> AsKeys() => Map(static x => (x, (byte)0));
}
