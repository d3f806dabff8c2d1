namespace MiniSpark.Formats.Parquet.Schema.Nested;

/// <summary>A leaf column's value inside a nested field.</summary>
internal sealed class PrimitiveNode : NestedNode
{
    public required ColumnDescriptor Column { get; init; }

    public override IReadOnlyList<ColumnDescriptor> Leaves => [Column];
}
