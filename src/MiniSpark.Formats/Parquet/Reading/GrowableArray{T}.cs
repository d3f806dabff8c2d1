using System.Buffers;

namespace MiniSpark.Formats.Parquet.Reading;

/// <summary>An append-only buffer rented from <see cref="ArrayPool{T}.Shared"/> that grows as pages arrive.</summary>
/// <remarks>
/// Column chunks decode into arrays of hundreds of thousands of values, one set per row group: renting them keeps
/// a scan from allocating (and the OS from zeroing) fresh large-object pages for every row group.
/// <see cref="Detach"/> hands the storage to a <see cref="ColumnData"/>, which returns it when disposed; the
/// storage may be longer than <see cref="Count"/>.
/// </remarks>
internal sealed class GrowableArray<T>(int capacity) : IDisposable
    where T : unmanaged
{
    private T[] _items = ArrayPool<T>.Shared.Rent(Math.Max(capacity, 4));

    public int Count { get; private set; }

    public Span<T> Span => _items.AsSpan(0, Count);

    /// <summary>Appends <paramref name="count"/> slots and returns them to fill.</summary>
    public Span<T> Append(int count)
    {
        int needed = checked(Count + count);
        EnsureCapacity(needed);
        Span<T> slots = _items.AsSpan(Count, count);
        Count = needed;
        return slots;
    }

    /// <summary>Makes the storage hold at least <paramref name="capacity"/> items, keeping those appended.</summary>
    public void EnsureCapacity(int capacity)
    {
        if (capacity <= _items.Length) return;
        T[] larger = ArrayPool<T>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(capacity, (long)_items.Length * 2)));
        Span.CopyTo(larger);
        ArrayPool<T>.Shared.Return(_items);
        _items = larger;
    }

    /// <summary>The storage (at least <see cref="Count"/> long), now owned by the caller, who returns it to the pool.</summary>
    public T[] Detach()
    {
        T[] items = _items;
        _items = [];
        Count = 0;
        return items;
    }

    public void Dispose()
    {
        if (_items.Length > 0) ArrayPool<T>.Shared.Return(_items);
        _items = [];
        Count = 0;
    }
}
