using MiniSpark.Rdds;

namespace MiniSpark;

/// <summary>A dataset sorted by one or more keys: what <c>orderby</c> in a query (<see cref="Rdd{T}.OrderBy{K}"/>) returns,
/// so <c>ThenBy</c> can add keys.</summary>
/// <remarks>Each <c>ThenBy</c> re-sorts the original (unsorted) records by the combined keys, so only the last sort in a
/// chain is ever run; like <see cref="Rdd{T}.SortBy{K}"/>, defining the sort runs a sampling job.</remarks>
public sealed class OrderedRdd<T> : Rdd<T>
{
    private readonly Rdd<T> _source;
    private readonly IComparer<T> _order;
    private Rdd<T>? _sorted;

    internal OrderedRdd(Rdd<T> source, IComparer<T> order) : base(source.Context)
    {
        _source = source;
        _order = order;
        _sorted = source.SortBy(static x => x, true, null, order);
    }

    /// <summary>Adds a key that orders records the previous keys call equal (<c>orderby a, b</c>).</summary>
    public OrderedRdd<T> ThenBy<K>(Func<T, K> keySelector, IComparer<K>? comparer = null) =>
        Then(keySelector, comparer, descending: false, nameof(ThenBy));

    /// <summary>Adds a descending key (<c>orderby a, b descending</c>).</summary>
    public OrderedRdd<T> ThenByDescending<K>(Func<T, K> keySelector, IComparer<K>? comparer = null) =>
        Then(keySelector, comparer, descending: true, nameof(ThenByDescending));

    private OrderedRdd<T> Then<K>(Func<T, K> keySelector, IComparer<K>? comparer, bool descending, string callSite)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        IComparer<T> previous = _order;
        IComparer<T> next = ByKey(keySelector, comparer, descending);
        var combined = Comparer<T>.Create((x, y) =>
        {
            int first = previous.Compare(x, y);
            return first != 0 ? first : next.Compare(x, y);
        });
        return (OrderedRdd<T>)new OrderedRdd<T>(_source, combined).At(callSite);
    }

    internal static IComparer<T> ByKey<K>(Func<T, K> keySelector, IComparer<K>? comparer, bool descending)
    {
        IComparer<K> keys = comparer ?? Comparer<K>.Default;
        return descending
            ? Comparer<T>.Create((x, y) => keys.Compare(keySelector(y), keySelector(x)))
            : Comparer<T>.Create((x, y) => keys.Compare(keySelector(x), keySelector(y)));
    }

    /// <inheritdoc/>
    protected override Partition[] GetPartitionsCore() => [.. _sorted!.Partitions];

    /// <inheritdoc/>
    protected override IReadOnlyList<Dependency> GetDependenciesCore() => [new OneToOneDependency(_sorted!)];

    /// <inheritdoc/>
    protected internal override IEnumerable<T> Compute(Partition split, TaskContext context) => _sorted!.Iterator(split, context);

    /// <inheritdoc/>
    protected override void ClearDependencies() => _sorted = null;
}

public abstract partial class Rdd<T>
{
    /// <summary><c>orderby key</c>: the records sorted ascending by a key, across partitions (see <see cref="SortBy{K}"/>).</summary>
    public OrderedRdd<T> OrderBy<K>(Func<T, K> keySelector, IComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        return (OrderedRdd<T>)new OrderedRdd<T>(this, OrderedRdd<T>.ByKey(keySelector, comparer, descending: false)).At(nameof(OrderBy));
    }

    /// <summary><c>orderby key descending</c>: the records sorted descending by a key, across partitions.</summary>
    public OrderedRdd<T> OrderByDescending<K>(Func<T, K> keySelector, IComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        return (OrderedRdd<T>)new OrderedRdd<T>(this, OrderedRdd<T>.ByKey(keySelector, comparer, descending: true))
            .At(nameof(OrderByDescending));
    }
}
