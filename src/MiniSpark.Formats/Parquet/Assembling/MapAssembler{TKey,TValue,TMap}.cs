using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>A map as a <see cref="Dictionary{TKey, TValue}"/> (read through <typeparamref name="TMap"/>, one of its interfaces).</summary>
/// <remarks>
/// Pairs are added in file order. A key that repeats keeps its last value, as LogicalTypes.md requires. A null key
/// (possible only where a writer made the key optional against the spec) has no place in a dictionary: an error.
/// A map without a value field reads every value as null.
/// </remarks>
internal sealed class MapAssembler<TKey, TValue, TMap>(MapNode node, LeafCursor[] leaves, ValueAssembler<TKey> key, ValueAssembler<TValue>? value)
    : ValueAssembler<TMap>(node, leaves)
    where TKey : notnull
    where TMap : class
{
    protected override TMap ReadPresent(int repetitionLevel)
    {
        var map = new Dictionary<TKey, TValue>();
        if (First.PeekDefinition() < node.InstanceLevel)
        {
            SkipAll(repetitionLevel, node.InstanceLevel - 1);
            return (TMap)(object)map;
        }
        int level = repetitionLevel;
        do
        {
            if (node.Key.IsNullable && First.PeekDefinition() < node.Key.DefinedLevel)
                throw First.Error($"map '{node.Path}' has a null key; map keys must be present.");
            TKey entryKey = key.Read(level);
            map[entryKey] = value is null ? default! : value.Read(level);
            level = node.RepetitionLevel;
        }
        while (First.ContinuesAt(node.RepetitionLevel));
        return (TMap)(object)map;
    }
}
