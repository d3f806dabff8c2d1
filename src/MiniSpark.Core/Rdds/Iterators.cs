namespace MiniSpark.Rdds;

/// <summary>The per-record loops of narrow transformations, kept as plain iterators so chains pipeline.</summary>
internal static partial class Iterators
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

    // Bad-record skipping (a retried task whose previous attempt failed): the same loops, but a record whose function
    // fails the way the previous attempt did is skipped and counted. Separate methods keep the common path free of it.

    public static IEnumerable<U> Select<T, U>(IEnumerable<T> source, Func<T, U> selector, TaskContext context) =>
        context.SkipSignature is null ? Select(source, selector) : SelectSkipping(source, selector, context);

    public static IEnumerable<T> Where<T>(IEnumerable<T> source, Func<T, bool> predicate, TaskContext context) =>
        context.SkipSignature is null ? Where(source, predicate) : WhereSkipping(source, predicate, context);

    public static IEnumerable<U> SelectMany<T, U>(IEnumerable<T> source, Func<T, IEnumerable<U>> selector, TaskContext context) =>
        context.SkipSignature is null ? SelectMany(source, selector) : SelectManySkipping(source, selector, context);

    private static IEnumerable<U> SelectSkipping<T, U>(IEnumerable<T> source, Func<T, U> selector, TaskContext context)
    {
        foreach (T item in source)
        {
            U result;
            try { result = selector(item); }
            catch (Exception e) when (context.TrySkip(e)) { continue; }
            yield return result;
        }
    }

    private static IEnumerable<T> WhereSkipping<T>(IEnumerable<T> source, Func<T, bool> predicate, TaskContext context)
    {
        foreach (T item in source)
        {
            bool keep;
            try { keep = predicate(item); }
            catch (Exception e) when (context.TrySkip(e)) { continue; }
            if (keep) yield return item;
        }
    }

    private static IEnumerable<U> SelectManySkipping<T, U>(IEnumerable<T> source, Func<T, IEnumerable<U>> selector, TaskContext context)
    {
        foreach (T item in source)
        {
            List<U> results;
            try { results = [.. selector(item)]; } // materialised so a failure mid-way skips the whole record
            catch (Exception e) when (context.TrySkip(e)) { continue; }
            foreach (U result in results) yield return result;
        }
    }

    /// <summary>Adds the records a source yields to the task's <see cref="TaskMetrics.RecordsRead"/> when it is done
    /// (or stopped early), and observes cancellation every 1024 records as <see cref="Interruptible"/> does: one
    /// iterator layer for both, since every layer costs each record two interface calls.</summary>
    public static IEnumerable<T> CountedAsRead<T>(IEnumerable<T> records, TaskContext context)
    {
        CancellationToken token = context.CancellationToken;
        long count = 0;
        try
        {
            foreach (T record in records)
            {
                if ((++count & 1023) == 0) token.ThrowIfCancellationRequested();
                yield return record;
            }
        }
        finally
        {
            context.Metrics.AddRecordsRead(count);
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
