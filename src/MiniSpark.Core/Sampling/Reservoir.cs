namespace MiniSpark.Sampling;

/// <summary>Reservoir sampling (Spark's SamplingUtils.reservoirSampleAndCount).</summary>
internal static class Reservoir
{
    /// <summary>Up to <paramref name="size"/> records chosen uniformly from <paramref name="items"/> in one pass, and
    /// how many records there were.</summary>
    public static (T[] Sample, long Count) SampleAndCount<T>(IEnumerable<T> items, int size, long seed)
    {
        var reservoir = new T[size];
        using IEnumerator<T> e = items.GetEnumerator();
        int filled = 0;
        while (filled < size && e.MoveNext()) reservoir[filled++] = e.Current;
        if (filled < size) return (reservoir[..filled], filled);

        // The l-th record replaces a random slot with probability size / l, which keeps every record's chance equal.
        var random = new XorShiftRandom(seed);
        long seen = filled;
        while (e.MoveNext())
        {
            seen++;
            long slot = (long)(random.NextDouble() * seen);
            if (slot < size) reservoir[slot] = e.Current;
        }
        return (reservoir, seen);
    }
}
