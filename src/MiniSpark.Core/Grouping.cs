using System.Collections;

namespace MiniSpark;

/// <summary>A key and the records that share it: what <see cref="Rdd{T}.GroupBy{K}"/> returns per key.</summary>
/// <remarks>Works as LINQ's <see cref="IGrouping{TKey,TElement}"/> (so <c>group ... by ... into g select (g.Key, g.Count())</c>
/// reads naturally) and deconstructs like Spark's <c>(key, values)</c> pair.</remarks>
public sealed class Grouping<K, T> : IGrouping<K, T>, IReadOnlyList<T>
{
    private readonly IReadOnlyList<T> _items;

    /// <summary>Creates a group of <paramref name="items"/> under <paramref name="key"/>.</summary>
    public Grouping(K key, IReadOnlyList<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        Key = key;
        _items = items;
    }

    /// <summary>The key every record of the group shares.</summary>
    public K Key { get; }

    /// <summary>The records of the group.</summary>
    public IReadOnlyList<T> Values => _items;

    /// <summary>How many records the group has.</summary>
    public int Count => _items.Count;

    /// <summary>The record at <paramref name="index"/>.</summary>
    public T this[int index] => _items[index];

    /// <summary>Deconstructs into <c>(key, values)</c>.</summary>
    public void Deconstruct(out K key, out IReadOnlyList<T> values)
    {
        key = Key;
        values = _items;
    }

    /// <inheritdoc/>
    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <inheritdoc/>
    public override string ToString() => $"{Key}: [{string.Join(", ", _items)}]";
}
