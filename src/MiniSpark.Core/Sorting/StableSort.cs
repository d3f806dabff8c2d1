using System.Buffers;
using System.Runtime.CompilerServices;

namespace MiniSpark.Sorting;

/// <summary>A stable merge sort of pairs by key.</summary>
/// <remarks>Stable so records with equal keys keep the order they arrived in (map output by map output, as Spark's
/// sorter does); <see cref="Array.Sort{T}(T[], IComparer{T})"/> is an introsort and would shuffle them.</remarks>
internal static class StableSort
{
    // Below this, insertion sort beats merging (fewer moves, no recursion).
    private const int InsertionThreshold = 24;

    /// <summary>Sorts <paramref name="items"/> in place by key.</summary>
    public static void ByKey<K, V>((K, V)[] items, int count, IComparer<K> comparer)
    {
        if (count < 2) return;
        (K, V)[] buffer = ArrayPool<(K, V)>.Shared.Rent(count);
        try
        {
            Sort(items, buffer, 0, count, comparer);
        }
        finally
        {
            ArrayPool<(K, V)>.Shared.Return(buffer, clearArray: RuntimeHelpers.IsReferenceOrContainsReferences<(K, V)>());
        }
    }

    /// <summary>The records of <paramref name="records"/>, read on first use and sorted stably by key.</summary>
    public static IEnumerable<(K, V)> Sorted<K, V>(IEnumerable<(K, V)> records, IComparer<K> comparer)
    {
        (K, V)[] items = [.. records];
        ByKey(items, items.Length, comparer);
        foreach ((K, V) item in items) yield return item;
    }

    private static void Sort<K, V>((K, V)[] items, (K, V)[] buffer, int start, int end, IComparer<K> comparer)
    {
        if (end - start <= InsertionThreshold)
        {
            InsertionSort(items, start, end, comparer);
            return;
        }
        int middle = start + (end - start) / 2;
        Sort(items, buffer, start, middle, comparer);
        Sort(items, buffer, middle, end, comparer);
        // Already in order (common for presorted input): nothing to merge.
        if (comparer.Compare(items[middle - 1].Item1, items[middle].Item1) <= 0) return;
        Array.Copy(items, start, buffer, start, end - start);
        int left = start, right = middle, target = start;
        while (left < middle && right < end)
        {
            // "<=" takes from the left run on ties: that is what keeps the sort stable.
            items[target++] = comparer.Compare(buffer[left].Item1, buffer[right].Item1) <= 0 ? buffer[left++] : buffer[right++];
        }
        while (left < middle) items[target++] = buffer[left++];
        while (right < end) items[target++] = buffer[right++];
    }

    private static void InsertionSort<K, V>((K, V)[] items, int start, int end, IComparer<K> comparer)
    {
        for (int i = start + 1; i < end; i++)
        {
            (K, V) current = items[i];
            int j = i - 1;
            while (j >= start && comparer.Compare(items[j].Item1, current.Item1) > 0)
            {
                items[j + 1] = items[j];
                j--;
            }
            items[j + 1] = current;
        }
    }
}
