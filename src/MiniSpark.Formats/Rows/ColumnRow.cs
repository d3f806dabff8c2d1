using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace MiniSpark.Formats.Rows;

/// <summary>One row of a file of unknown shape: column name to value (null for null), in column order.</summary>
/// <remarks>Rows of a read share one name index; each row holds only its values.</remarks>
internal sealed class ColumnRow(RowKeys keys, object?[] values) : IReadOnlyDictionary<string, object?>
{
    // Registered before the first row exists, so rows persisted serialized or to disk, spilled or checkpointed find it.
    static ColumnRow() => RecordCodecs.Register(new ColumnRowCodec());

    /// <summary>The column names, shared by the rows of one read.</summary>
    internal string[] Names => keys.Names;

    /// <summary>The values in column order (the row's own array).</summary>
    internal object?[] ValueArray => values;

    public object? this[string key] => keys.Index.TryGetValue(key, out int slot) ? values[slot] : throw new KeyNotFoundException($"No column '{key}'.");

    public IEnumerable<string> Keys => keys.Names;

    public IEnumerable<object?> Values => values;

    public int Count => values.Length;

    public bool ContainsKey(string key) => keys.Index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (keys.Index.TryGetValue(key, out int slot))
        {
            value = values[slot];
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
