namespace MiniSpark.Rdds;

/// <summary>The per-record loops of narrow transformations, kept as plain iterators so chains pipeline.</summary>
internal static class Iterators
{
    public static IEnumerable<U> Select<T, U>(IEnumerable<T> source, Func<T, U> selector)
    {
        foreach (T item in source) yield return selector(item);
    }

    public static IEnumerable<T> Where<T>(IEnumerable<T> source, Func<T, bool> predicate)
    {
        foreach (T item in source)
        {
            if (predicate(item)) yield return item;
        }
    }

    public static IEnumerable<U> SelectMany<T, U>(IEnumerable<T> source, Func<T, IEnumerable<U>> selector)
    {
        foreach (T item in source)
        {
            IEnumerable<U> results = selector(item);
            // Arrays (string.Split) are the common case: index them instead of boxing an enumerator per record.
            if (results is U[] array)
            {
                for (int i = 0; i < array.Length; i++) yield return array[i];
            }
            else
            {
                foreach (U result in results) yield return result;
            }
        }
    }

    /// <summary>Observes cancellation every 1024 records: cheap enough for the hot path, prompt enough for users.</summary>
    public static IEnumerable<T> Interruptible<T>(IEnumerable<T> source, TaskContext context)
    {
        CancellationToken token = context.CancellationToken;
        int sinceCheck = 0;
        foreach (T item in source)
        {
            if (++sinceCheck == 1024)
            {
                sinceCheck = 0;
                token.ThrowIfCancellationRequested();
            }
            yield return item;
        }
    }
}
