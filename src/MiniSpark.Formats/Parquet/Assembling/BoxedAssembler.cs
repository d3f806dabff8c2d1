using MiniSpark.Formats.Parquet.Schema.Nested;

namespace MiniSpark.Formats.Parquet.Assembling;

/// <summary>Reads a nested value of its natural type into an <see cref="object"/> member or element.</summary>
internal sealed class BoxedAssembler(NestedNode node, LeafCursor[] leaves, ValueAssembler inner) : ValueAssembler<object?>(node, leaves)
{
    protected override object? ReadPresent(int repetitionLevel) => inner.ReadBoxed(repetitionLevel);
}
