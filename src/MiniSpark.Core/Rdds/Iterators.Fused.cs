namespace MiniSpark.Rdds;

// The loops of two consecutive narrow steps run as one (see RecordStep): one iterator layer instead of two.
internal static partial class Iterators
{
    public static IEnumerable<V> SelectSelect<T, U, V>(IEnumerable<T> source, Func<T, U> first, Func<U, V> second)
    {
        foreach (T item in source) yield return second(first(item));
    }

    public static IEnumerable<U> SelectWhere<T, U>(IEnumerable<T> source, Func<T, U> selector, Func<U, bool> predicate)
    {
        foreach (T item in source)
        {
            U result = selector(item);
            if (predicate(result)) yield return result;
        }
    }

    public static IEnumerable<V> SelectSelectMany<T, U, V>(IEnumerable<T> source, Func<T, U> selector, Func<U, IEnumerable<V>> expand)
    {
        foreach (T item in source)
        {
            IEnumerable<V> results = expand(selector(item));
            if (results is V[] array)
            {
                for (int i = 0; i < array.Length; i++) yield return array[i];
            }
            else
            {
                foreach (V result in results) yield return result;
            }
        }
    }

    public static IEnumerable<U> WhereSelect<T, U>(IEnumerable<T> source, Func<T, bool> predicate, Func<T, U> selector)
    {
        foreach (T item in source)
        {
            if (predicate(item)) yield return selector(item);
        }
    }

    public static IEnumerable<T> WhereWhere<T>(IEnumerable<T> source, Func<T, bool> first, Func<T, bool> second)
    {
        foreach (T item in source)
        {
            if (first(item) && second(item)) yield return item;
        }
    }

    public static IEnumerable<U> WhereSelectMany<T, U>(IEnumerable<T> source, Func<T, bool> predicate, Func<T, IEnumerable<U>> expand)
    {
        foreach (T item in source)
        {
            if (!predicate(item)) continue;
            IEnumerable<U> results = expand(item);
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

    public static IEnumerable<V> SelectManySelect<T, U, V>(IEnumerable<T> source, Func<T, IEnumerable<U>> expand, Func<U, V> selector)
    {
        foreach (T item in source)
        {
            IEnumerable<U> results = expand(item);
            if (results is U[] array)
            {
                for (int i = 0; i < array.Length; i++) yield return selector(array[i]);
            }
            else
            {
                foreach (U result in results) yield return selector(result);
            }
        }
    }

    public static IEnumerable<U> SelectManyWhere<T, U>(IEnumerable<T> source, Func<T, IEnumerable<U>> expand, Func<U, bool> predicate)
    {
        foreach (T item in source)
        {
            IEnumerable<U> results = expand(item);
            if (results is U[] array)
            {
                for (int i = 0; i < array.Length; i++)
                {
                    if (predicate(array[i])) yield return array[i];
                }
            }
            else
            {
                foreach (U result in results)
                {
                    if (predicate(result)) yield return result;
                }
            }
        }
    }
}
