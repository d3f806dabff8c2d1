using System.Diagnostics.CodeAnalysis;
using MiniSpark.Shuffle;

namespace MiniSpark.Internal;

/// <summary>A read-only dictionary that, unlike <see cref="Dictionary{TKey,TValue}"/>, can hold a null key:
/// what <c>CountByKey</c>, <c>CountByValue</c> and <c>CollectAsMap</c> return, since datasets may have null keys.</summary>
internal sealed class NullableKeyDictionary<K, V>(IEqualityComparer<K>? comparer) : IReadOnlyDictionary<K, V>
{
    private readonly CombineMap<K, V> _map = new(comparer);

    public void Set(K key, V value) => _map.GetValueRefOrAddDefault(key, out _) = value;

    public ref V? GetValueRefOrAddDefault(K key, out bool exists) => ref _map.GetValueRefOrAddDefault(key, out exists);

    public V this[K key] => TryGetValue(key, out V? value) ? value : throw new KeyNotFoundException($"The key '{key}' is not present.");

    public IEnumerable<K> Keys => _map.Entries().Select(e => e.Key);

    public IEnumerable<V> Values => _map.Entries().Select(e => e.Value);

    public int Count => _map.Count;

    public bool ContainsKey(K key) => _map.ContainsKey(key);

    public bool TryGetValue(K key, [MaybeNullWhen(false)] out V value)
    {
        bool found = _map.TryGetValue(key, out V? stored);
        value = stored!;
        return found;
    }

    public IEnumerator<KeyValuePair<K, V>> GetEnumerator()
    {
        foreach ((K key, V value) in _map.Entries()) yield return new KeyValuePair<K, V>(key, value);
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
