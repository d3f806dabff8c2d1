using MiniSpark.Formats.Parquet.Mapping;
using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>A leaf's value: its entry must be fully defined; the value comes from the column's accessor.</summary>
internal sealed class PrimitiveAssembler<T>(PrimitiveNode node, LeafCursor leaf, ColumnAccessor<T> values) : ValueAssembler<T>(node, [leaf])
{
    protected override T ReadPresent(int repetitionLevel) => values.Get(leaf.Take(repetitionLevel));
}
