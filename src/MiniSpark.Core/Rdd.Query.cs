namespace MiniSpark;

// The C# query-expression pattern: `from`, `where`, `select`, `group ... by`, `join ... on ... equals`, `let`
// compile to these methods, which build the same lazy operators as the Spark-named ones. Rdd<T> is deliberately
// not IEnumerable<T>, so a query can never silently fall back to LINQ-to-objects on the caller's thread.
public abstract partial class Rdd<T>
{
    /// <summary>Query form of <see cref="Map{U}"/>: <c>select</c>.</summary>
    public Rdd<U> Select<U>(Func<T, U> selector) => Map(selector).At(nameof(Select));

    /// <summary>Query form of <see cref="Filter"/>: <c>where</c>.</summary>
    public Rdd<T> Where(Func<T, bool> predicate) => Filter(predicate).At(nameof(Where));

    /// <summary>Query form of <see cref="FlatMap{U}"/>.</summary>
    public Rdd<U> SelectMany<U>(Func<T, IEnumerable<U>> selector) => FlatMap(selector).At(nameof(SelectMany));

    /// <summary>A second <c>from</c> over a collection of each record: <c>from l in lines from w in l.Split(' ') ...</c>.</summary>
    public Rdd<R> SelectMany<C, R>(Func<T, IEnumerable<C>> collectionSelector, Func<T, C, R> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(collectionSelector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return FlatMap(x => Pairs(x, collectionSelector(x), resultSelector)).At(nameof(SelectMany));
    }

    private static IEnumerable<R> Pairs<C, R>(T item, IEnumerable<C> collection, Func<T, C, R> resultSelector)
    {
        foreach (C element in collection) yield return resultSelector(item, element);
    }

    /// <summary><c>group e by k</c>: one <see cref="Grouping{K,E}"/> per distinct key of the projected elements.</summary>
    public Rdd<Grouping<K, E>> GroupBy<K, E>(Func<T, K> keySelector, Func<T, E> elementSelector, int? numPartitions = null,
        IEqualityComparer<K>? comparer = null)
    {
        ArgumentNullException.ThrowIfNull(keySelector);
        ArgumentNullException.ThrowIfNull(elementSelector);
        return Map(x => (keySelector(x), elementSelector(x))).GroupByKey(numPartitions, comparer)
            .Map(static g => new Grouping<K, E>(g.Key, g.Values)).At(nameof(GroupBy));
    }

    /// <summary><c>join i in inner on outerKey equals innerKey select ...</c>: an inner equi-join through a shuffle.</summary>
    public Rdd<R> Join<I, K, R>(Rdd<I> inner, Func<T, K> outerKeySelector, Func<I, K> innerKeySelector, Func<T, I, R> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(outerKeySelector);
        ArgumentNullException.ThrowIfNull(innerKeySelector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return KeyBy(outerKeySelector).Join(inner.KeyBy(innerKeySelector))
            .Map(j => resultSelector(j.Values.Left, j.Values.Right)).At(nameof(Join));
    }

    /// <summary><c>join i in inner on ... equals ... into g</c>: every outer record with all its matching inner records.</summary>
    public Rdd<R> GroupJoin<I, K, R>(Rdd<I> inner, Func<T, K> outerKeySelector, Func<I, K> innerKeySelector,
        Func<T, IEnumerable<I>, R> resultSelector)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(outerKeySelector);
        ArgumentNullException.ThrowIfNull(innerKeySelector);
        ArgumentNullException.ThrowIfNull(resultSelector);
        return KeyBy(outerKeySelector).Cogroup(inner.KeyBy(innerKeySelector))
            .FlatMap(g => OuterWithMatches(g.Values.Left, g.Values.Right, resultSelector)).At(nameof(GroupJoin));
    }

    private static IEnumerable<R> OuterWithMatches<I, R>(IReadOnlyList<T> outer, IReadOnlyList<I> matches,
        Func<T, IEnumerable<I>, R> resultSelector)
    {
        foreach (T item in outer) yield return resultSelector(item, matches);
    }
}
