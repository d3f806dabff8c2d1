namespace MiniSpark.Storage;

/// <summary>One walk of an object graph: pending objects and the bytes counted so far.</summary>
/// <remarks>Iterative (an explicit stack), so long chains do not overflow the call stack. The visited set may be
/// shared by several traversals of one estimate, so each object is counted once.</remarks>
internal sealed class SizeTraversal(HashSet<object> visited)
{
    private readonly Stack<object> _pending = new();

    public HashSet<object> Visited => visited;

    /// <summary>Schedules <paramref name="value"/> unless null or already seen. Called by compiled field walkers.</summary>
    public void Enqueue(object? value)
    {
        if (value is not null && visited.Add(value)) _pending.Push(value);
    }

    /// <summary>Counts every pending object and what it references.</summary>
    public long Drain()
    {
        long size = 0;
        while (_pending.TryPop(out object? value)) size += TypeLayout.For(value.GetType()).Visit(value, this);
        return size;
    }
}
