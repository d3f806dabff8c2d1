using System.Runtime.InteropServices;

namespace MiniSpark.Shuffle;

// Null keys never reach the dictionary (they use _nullValue), so its notnull constraint holds at run time.
#pragma warning disable CS8714

/// <summary>A hash map from key to combiner that also accepts a null key, for per-task aggregation.</summary>
/// <remarks>
/// <see cref="Dictionary{TKey,TValue}"/> rejects null keys, but Spark datasets may have them; the null key
/// gets its own slot. One lookup per record via <c>CollectionsMarshal.GetValueRefOrAddDefault</c>.
/// </remarks>
internal sealed class CombineMap<K, C>
{
    private readonly Dictionary<K, C> _map;
    private C? _nullValue;
    private bool _hasNull;

    public CombineMap(IEqualityComparer<K>? comparer)
    {
        _map = new Dictionary<K, C>(comparer);
    }

    public int Count => _map.Count + (_hasNull ? 1 : 0);

    /// <summary>A reference to the key's combiner slot, added (as default) when absent.</summary>
    public ref C? GetValueRefOrAddDefault(K key, out bool exists)
    {
        if (key is null)
        {
            exists = _hasNull;
            _hasNull = true;
            return ref _nullValue;
        }
        return ref CollectionsMarshal.GetValueRefOrAddDefault(_map, key, out exists);
    }

    /// <summary>A reference to the key's slot, or a null reference when the key is absent (test with Unsafe.IsNullRef).</summary>
    public ref C? GetValueRefOrNullRef(K key)
    {
        if (key is null) return ref _hasNull ? ref _nullValue : ref System.Runtime.CompilerServices.Unsafe.NullRef<C?>();
        return ref CollectionsMarshal.GetValueRefOrNullRef(_map, key)!;
    }

    public bool TryGetValue(K key, out C? value)
    {
        if (key is null)
        {
            value = _nullValue;
            return _hasNull;
        }
        return _map.TryGetValue(key, out value);
    }

    public bool ContainsKey(K key) => key is null ? _hasNull : _map.ContainsKey(key);

    public void Insert(K key, C combiner, Func<C, C, C> merge)
    {
        ref C? slot = ref GetValueRefOrAddDefault(key, out bool exists);
        slot = exists ? merge(slot!, combiner) : combiner;
    }

    public IEnumerable<(K Key, C Value)> Entries()
    {
        if (_hasNull) yield return (default!, _nullValue!);
        foreach (KeyValuePair<K, C> entry in _map) yield return (entry.Key, entry.Value);
    }
}
#pragma warning restore CS8714
