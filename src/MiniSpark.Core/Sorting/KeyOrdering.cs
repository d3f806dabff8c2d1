namespace MiniSpark.Sorting;

/// <summary>The total order sorting uses: null keys first, then the user's comparer; reversed when descending.</summary>
/// <remarks>
/// <para>Nulls are handled here so a user's comparer never sees one (many throw on null). Descending reverses the
/// whole order, so nulls come last: Spark SQL's default of <c>ASC NULLS FIRST</c> / <c>DESC NULLS LAST</c>, and
/// <c>SortByKey(ascending: false)</c> is exactly the reverse of <c>SortByKey()</c>.</para>
/// <para>Value equality (same comparer, same direction), so partitioners holding one compare equal.</para>
/// </remarks>
internal sealed class KeyOrdering<K> : IComparer<K>
{
    public KeyOrdering(IComparer<K> comparer, bool ascending)
    {
        Comparer = comparer;
        Ascending = ascending;
    }

    /// <summary>The user's comparer (or <see cref="Comparer{T}.Default"/>), for non-null keys.</summary>
    public IComparer<K> Comparer { get; }

    public bool Ascending { get; }

    /// <summary>The user's comparer, or the natural order when <paramref name="comparer"/> is null.</summary>
    /// <exception cref="ArgumentException">No comparer is given and <typeparamref name="K"/> has no natural order;
    /// thrown where the operator is defined, not later inside a task.</exception>
    public static IComparer<K> Resolve(IComparer<K>? comparer, string parameterName)
    {
        if (comparer is not null) return comparer;
        Type type = Nullable.GetUnderlyingType(typeof(K)) ?? typeof(K);
        if (!typeof(IComparable<K>).IsAssignableFrom(type) && !typeof(IComparable).IsAssignableFrom(type) &&
            !IsComparableToSelf(type))
        {
            throw new ArgumentException(
                $"{typeof(K).Name} has no natural order (it implements neither IComparable<T> nor IComparable); pass a comparer.",
                parameterName);
        }
        return Comparer<K>.Default;
    }

    // Nullable<T> keys: T implements IComparable<T>, not IComparable<T?>.
    private static bool IsComparableToSelf(Type type) =>
        typeof(IComparable<>).MakeGenericType(type).IsAssignableFrom(type);

    public int Compare(K? x, K? y) => Ascending ? CompareNullsFirst(x, y) : CompareNullsFirst(y, x);

    private int CompareNullsFirst(K? x, K? y)
    {
        if (x is null) return y is null ? 0 : -1;
        if (y is null) return 1;
        return Comparer.Compare(x, y);
    }

    public override bool Equals(object? obj) =>
        obj is KeyOrdering<K> other && other.Ascending == Ascending && Equals(other.Comparer, Comparer);

    public override int GetHashCode() => HashCode.Combine(Comparer, Ascending);
}
