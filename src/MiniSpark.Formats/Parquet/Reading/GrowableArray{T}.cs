namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>An append-only array that doubles as pages arrive; <see cref="ToArray"/> hands over the storage when exact.</summary>
internal sealed class GrowableArray<T>(int capacity)
{
    private T[] _items = new T[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    public Span<T> Span => _items.AsSpan(0, Count);

    /// <summary>Appends <paramref name="count"/> slots and returns them to fill.</summary>
    public Span<T> Append(int count)
    {
        int needed = checked(Count + count);
        if (needed > _items.Length) Array.Resize(ref _items, (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_items.Length * 2)));
        Span<T> slots = _items.AsSpan(Count, count);
        Count = needed;
        return slots;
    }

    /// <summary>The items, in an array of exactly <see cref="Count"/> (the storage itself when it fits).</summary>
    public T[] ToArray()
    {
        if (_items.Length != Count) Array.Resize(ref _items, Count);
        return _items;
    }
}
