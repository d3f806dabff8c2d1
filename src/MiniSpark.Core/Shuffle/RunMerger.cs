namespace MiniSpark.Shuffle;

/// <summary>Merges sorted runs into one sorted sequence; ties go to the earlier run, so the merge is stable.</summary>
internal static class RunMerger
{
    public static IEnumerable<T> Merge<T>(IReadOnlyList<IEnumerable<T>> runs, IComparer<T> comparer)
    {
        var queue = new PriorityQueue<IEnumerator<T>, (T Item, int Run)>(Comparer<(T Item, int Run)>.Create((a, b) =>
        {
            int order = comparer.Compare(a.Item, b.Item);
            return order != 0 ? order : a.Run.CompareTo(b.Run);
        }));
        var enumerators = new List<IEnumerator<T>>(runs.Count);
        try
        {
            for (int run = 0; run < runs.Count; run++)
            {
                IEnumerator<T> enumerator = runs[run].GetEnumerator();
                enumerators.Add(enumerator);
                if (enumerator.MoveNext()) queue.Enqueue(enumerator, (enumerator.Current, run));
            }
            while (queue.TryDequeue(out IEnumerator<T>? next, out (T Item, int Run) head))
            {
                yield return head.Item;
                if (next.MoveNext()) queue.Enqueue(next, (next.Current, head.Run));
            }
        }
        finally
        {
            foreach (IEnumerator<T> enumerator in enumerators) enumerator.Dispose();
        }
    }
}
