namespace MiniSpark;

public abstract partial class Rdd<T>
{
    /// <summary>The <paramref name="num"/> smallest records by <paramref name="comparer"/> (default: the natural order), ascending.</summary>
    /// <remarks>Each partition keeps only its own <paramref name="num"/> smallest in a bounded heap; the caller merges them.</remarks>
    /// <exception cref="ArgumentException">No comparer is given and <typeparamref name="T"/> is not comparable.</exception>
    public T[] TakeOrdered(int num, IComparer<T>? comparer = null) =>
        TakeOrderedCore(num, ResolveComparer(comparer), nameof(TakeOrdered), true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="TakeOrdered"/>.</summary>
    public Task<T[]> TakeOrderedAsync(int num, IComparer<T>? comparer = null, CancellationToken cancellationToken = default) =>
        TakeOrderedCore(num, ResolveComparer(comparer), nameof(TakeOrdered), false, cancellationToken).AsTask();

    /// <summary>The <paramref name="num"/> largest records by <paramref name="comparer"/> (default: the natural order), descending.</summary>
    /// <exception cref="ArgumentException">No comparer is given and <typeparamref name="T"/> is not comparable.</exception>
    public T[] Top(int num, IComparer<T>? comparer = null) =>
        TakeOrderedCore(num, Reverse(ResolveComparer(comparer)), nameof(Top), true, default).GetAwaiter().GetResult();

    /// <summary>Asynchronous form of <see cref="Top"/>.</summary>
    public Task<T[]> TopAsync(int num, IComparer<T>? comparer = null, CancellationToken cancellationToken = default) =>
        TakeOrderedCore(num, Reverse(ResolveComparer(comparer)), nameof(Top), false, cancellationToken).AsTask();

    private static IComparer<T> ResolveComparer(IComparer<T>? comparer)
    {
        if (comparer is not null) return comparer;
        Type type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        if (!typeof(IComparable<T>).IsAssignableFrom(type) && !typeof(IComparable).IsAssignableFrom(type))
        {
            throw new ArgumentException(
                $"{typeof(T).Name} has no natural order (it implements neither IComparable<T> nor IComparable); pass a comparer.",
                nameof(comparer));
        }
        return Comparer<T>.Default;
    }

    private static IComparer<T> Reverse(IComparer<T> comparer) => Comparer<T>.Create((x, y) => comparer.Compare(y, x));

    private async ValueTask<T[]> TakeOrderedCore(int num, IComparer<T> comparer, string callSite, bool sync,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(num);
        if (num == 0) return [];
        T[][] partials = await RunAsync((_, records) => SmallestOf(records, num, comparer), null, callSite, sync, cancellationToken)
            .ConfigureAwait(false);
        T[] merged = [.. partials.SelectMany(p => p)];
        Array.Sort(merged, comparer);
        return merged.Length <= num ? merged : merged[..num];
    }

    private static T[] SmallestOf(IEnumerable<T> records, int num, IComparer<T> comparer)
    {
        // A max-heap of the num smallest so far: the root is the first to give way.
        var heap = new PriorityQueue<T, T>(Comparer<T>.Create((x, y) => comparer.Compare(y, x)));
        foreach (T record in records)
        {
            if (heap.Count < num) heap.Enqueue(record, record);
            else if (comparer.Compare(record, heap.Peek()) < 0) heap.DequeueEnqueue(record, record);
        }
        var result = new T[heap.Count];
        int i = 0;
        foreach ((T element, T _) in heap.UnorderedItems) result[i++] = element;
        return result;
    }
}
