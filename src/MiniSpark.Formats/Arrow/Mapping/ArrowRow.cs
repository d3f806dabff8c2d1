using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MiniSpark.Formats.Arrow.Mapping;

/// <summary>One row of an untyped read: column name to value (null for a null), in schema order.</summary>
/// <remarks>Rows of a batch share one name index; each row holds only its values.</remarks>
internal sealed class ArrowRow(ArrowRowKeys keys, object?[] values) : IReadOnlyDictionary<string, object?>
{
    public object? this[string key] => TryGetValue(key, out object? value) ? value : throw new KeyNotFoundException($"The row has no column '{key}'.");

    public IEnumerable<string> Keys => keys.Names;

    public IEnumerable<object?> Values => values;

    public int Count => values.Length;

    public bool ContainsKey(string key) => keys.Index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (keys.Index.TryGetValue(key, out int index))
        {
            value = values[index];
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (int i = 0; i < values.Length; i++) yield return new KeyValuePair<string, object?>(keys.Names[i], values[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => "{" + string.Join(", ", this.Select(pair => $"{pair.Key}: {pair.Value ?? "null"}")) + "}";
}
