using MiniSpark.Formats.Parquet.Schema.Nested;
using MiniSpark.Formats.Rows;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>A struct as an <see cref="IReadOnlyDictionary{TKey, TValue}"/> of field name to value, in schema order (the untyped form).</summary>
internal sealed class StructRowAssembler(StructNode node, LeafCursor[] leaves, ValueAssembler[] fields, RowKeys keys)
    : ValueAssembler<IReadOnlyDictionary<string, object?>?>(node, leaves)
{
    protected override IReadOnlyDictionary<string, object?>? ReadPresent(int repetitionLevel)
    {
        var values = new object?[fields.Length];
        for (int i = 0; i < fields.Length; i++) values[i] = fields[i].ReadBoxed(repetitionLevel);
        return new ColumnRow(keys, values);
    }
}
